import { userId } from '@icp/schema';
import { unstorableTextIssues } from '../trpc/input-text.js';

/** Who is calling: the user id (a JWT's `sub`, or the owner of an API key). */
export interface AuthUser {
  id: string;
  isAdmin: boolean;
  via: 'jwt' | 'api-key';
}

/** Whether a value can be a user id: the schema's `userId`, in text every database can store. */
export function isUserId(value: unknown): value is string {
  return userId.safeParse(value).success && unstorableTextIssues(value).length === 0;
}

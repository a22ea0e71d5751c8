/** Who is calling: the user id (a JWT's `sub`, or the owner of an API key). */
export interface AuthUser {
  id: string;
  isAdmin: boolean;
  via: 'jwt' | 'api-key';
}

import type { Db } from '../db/connect.js';
import { isApiKeyFormat, userIdOfApiKey } from './api-keys.js';
import type { AuthUser } from './auth-user.js';
import type { JwtVerifier } from './jwt-verifier.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

export type Authenticate = (authorization: string | undefined) => Promise<AuthUser | null>;

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
const MAX_TOKEN_LENGTH = 8_192;

/**
 * The one authentication path of both transports: `Authorization: Bearer <token>`, where the
 * token is an API key (`icp_...`) or a JWT. Answers null for anything that does not authenticate.
 */
export function createAuthenticator(options: {
  db: Db;
  verifyJwt: JwtVerifier;
  adminUserIds: readonly string[];
  tokenCache?: VerifiedTokenCache;
}): Authenticate {
  const admins = new Set(options.adminUserIds);
  const cache = options.tokenCache ?? new VerifiedTokenCache();
  const userWithId = (id: string, via: AuthUser['via']): AuthUser => ({
    id,
    isAdmin: admins.has(id),
    via,
  });

  return async (authorization) => {
    const token = authorization?.match(BEARER)?.[1];
    if (token === undefined || token.length > MAX_TOKEN_LENGTH) return null;

    if (isApiKeyFormat(token)) {
      const userId = await userIdOfApiKey(options.db, token);
      return userId === undefined ? null : userWithId(userId, 'api-key');
    }

    const cachedUserId = cache.get(token);
    if (cachedUserId !== undefined) return userWithId(cachedUserId, 'jwt');
    try {
      const verified = await options.verifyJwt(token);
      cache.set(token, verified.userId, verified.expiresAtMs);
      return userWithId(verified.userId, 'jwt');
    } catch {
      return null;
    }
  };
}

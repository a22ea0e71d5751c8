import type { Env } from '../env.js';
import type { AuthMode } from '../trpc/context.js';
import { createJwtVerifier, type JwtVerifier } from './jwt-verifier.js';
import { LOCAL_ISSUER, loadOrCreateLocalSigningKey } from './local-signing-key.js';
import { pemText } from './public-key-pem.js';

/**
 * JWTs from the configured identity provider, or (no JWT setting, outside production) local
 * mode: the server signs tokens itself with a key from the data folder.
 */
export async function configureAuth(
  env: Env,
): Promise<{ authMode: AuthMode; verifyJwt: JwtVerifier }> {
  const claims = { issuer: env.AUTH_JWT_ISSUER, audience: env.AUTH_JWT_AUDIENCE };
  if (env.AUTH_JWT_PUBLIC_KEY !== undefined) {
    const pem = pemText(env.AUTH_JWT_PUBLIC_KEY);
    return { authMode: { kind: 'jwt' }, verifyJwt: createJwtVerifier({ key: { pem }, ...claims }) };
  }
  if (env.AUTH_JWKS_URL !== undefined) {
    return {
      authMode: { kind: 'jwt' },
      verifyJwt: createJwtVerifier({ key: { jwksUrl: env.AUTH_JWKS_URL }, ...claims }),
    };
  }
  const localKey = await loadOrCreateLocalSigningKey(env.DATA_DIR);
  return {
    authMode: { kind: 'local', signToken: localKey.signToken },
    verifyJwt: createJwtVerifier({ key: { publicKey: localKey.publicKey }, issuer: LOCAL_ISSUER }),
  };
}

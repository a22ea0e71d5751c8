import { createPublicKey, type KeyObject, type webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;

import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { isUserId } from './auth-user.js';
import { holdsPrivateKey } from './public-key-pem.js';

const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512'];
const EC_ALGORITHMS = ['ES256', 'ES384', 'ES512'];

export interface JwtVerifierOptions {
  /** A PEM public key (RSA or EC), or a JWKS URL, or an already imported key. */
  key: { pem: string } | { jwksUrl: string } | { publicKey: KeyObject | CryptoKey };
  issuer?: string | undefined;
  audience?: string | undefined;
}

export interface VerifiedJwt {
  userId: string;
  expiresAtMs: number;
}

export type JwtVerifier = (token: string) => Promise<VerifiedJwt>;

function algorithmsForKey(key: KeyObject | CryptoKey): string[] {
  const type =
    'asymmetricKeyType' in key ? key.asymmetricKeyType : (key as CryptoKey).algorithm.name;
  if (type === 'rsa' || type === 'RSASSA-PKCS1-v1_5') return RSA_ALGORITHMS;
  if (type === 'ec' || type === 'ECDSA') return EC_ALGORITHMS;
  throw new Error(`Unsupported JWT public key type: ${String(type)} (use an RSA or EC key)`);
}

/**
 * Verifies Clerk-compatible JWTs: signature by the configured asymmetric key only (so `alg: none`
 * and HMAC-signed-with-the-public-key tokens fail), `exp` required and in the future, `nbf`
 * honoured, issuer and audience checked when configured, and a non-empty `sub` as the user id.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  let keyInput: KeyObject | CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if ('jwksUrl' in options.key) {
    keyInput = createRemoteJWKSet(new URL(options.key.jwksUrl));
    algorithms = [...RSA_ALGORITHMS, ...EC_ALGORITHMS];
  } else {
    // createPublicKey would quietly derive the public key from a private one.
    if ('pem' in options.key && holdsPrivateKey(options.key.pem)) {
      throw new Error('AUTH_JWT_PUBLIC_KEY holds a private key: give the public key');
    }
    const publicKey =
      'pem' in options.key ? createPublicKey(options.key.pem) : options.key.publicKey;
    keyInput = publicKey;
    algorithms = algorithmsForKey(publicKey);
  }

  return async (token) => {
    const verifyOptions = {
      algorithms,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 5,
      ...(options.issuer !== undefined && { issuer: options.issuer }),
      ...(options.audience !== undefined && { audience: options.audience }),
    };
    const { payload } =
      typeof keyInput === 'function'
        ? await jwtVerify(token, keyInput, verifyOptions)
        : await jwtVerify(token, keyInput, verifyOptions);
    // The subject becomes the user id: it must be one (and text every database can store).
    if (!isUserId(payload.sub) || payload.sub.trim() === '') {
      throw new Error('JWT has no valid subject');
    }
    return { userId: payload.sub, expiresAtMs: (payload.exp ?? 0) * 1000 };
  };
}

import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

export interface TokenIssuer {
  /** The public key as PEM, for the product's AUTH_JWT_PUBLIC_KEY. */
  publicKeyPem: string;
  sign(userId: string): Promise<string>;
}

/** An RS256 key pair standing in for the identity provider. */
export async function createTokenIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    publicKeyPem: await exportSPKI(publicKey),
    sign: (userId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey),
  };
}

/** One bearer token per user id. */
export async function signTokens(
  issuer: TokenIssuer,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const userId of userIds) tokens.set(userId, await issuer.sign(userId));
  return tokens;
}

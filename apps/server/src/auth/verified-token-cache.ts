interface CachedToken {
  userId: string;
  expiresAtMs: number;
}

/**
 * Remembers tokens whose signature was verified, so a busy client does not pay for a signature
 * check on every request. Bounded in size (least recently used evicted first), and an entry never
 * outlives the token's own `exp`.
 */
export class VerifiedTokenCache {
  readonly #entries = new Map<string, CachedToken>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  get(token: string, nowMs = Date.now()): string | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    this.#entries.delete(token);
    if (entry.expiresAtMs <= nowMs) return undefined;
    this.#entries.set(token, entry);
    return entry.userId;
  }

  set(token: string, userId: string, tokenExpiresAtMs: number, nowMs = Date.now()): void {
    const expiresAtMs = Math.min(tokenExpiresAtMs, nowMs + this.maxAgeMs);
    if (expiresAtMs <= nowMs) return;
    this.#entries.delete(token);
    this.#entries.set(token, { userId, expiresAtMs });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

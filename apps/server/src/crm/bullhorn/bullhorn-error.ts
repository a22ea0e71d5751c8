/** What went wrong talking to Bullhorn. */
export type BullhornErrorKind =
  | 'unauthorized'
  | 'timeout'
  | 'network'
  | 'http'
  | 'invalid-response'
  | 'invalid-query';

/** A failed Bullhorn call; `kind` tells causes apart, `status` is set for HTTP errors. */
export class BullhornError extends Error {
  readonly kind: BullhornErrorKind;
  readonly status: number | undefined;

  constructor(kind: BullhornErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'BullhornError';
    this.kind = kind;
    this.status = status;
  }
}

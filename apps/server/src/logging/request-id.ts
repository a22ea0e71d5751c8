import { randomUUID } from 'node:crypto';

/** What an `X-Request-Id` sent by a proxy may look like to be kept: short and log-safe. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the one a proxy in front sent, when it is safe to log, else a new one. */
export function requestIdOf(sent: string | undefined): string {
  return sent !== undefined && ACCEPTED_REQUEST_ID.test(sent) ? sent : randomUUID();
}

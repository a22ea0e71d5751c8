import type { Icp } from '@icp/schema';
import { AppError } from '../errors.js';
import type { IcpListPosition } from './icp.repository.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque cursor of the list page that starts after `icp`: its place in list order. */
export function listCursorAfter(icp: Pick<Icp, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([icp.createdAt, icp.id])).toString('base64url');
}

/** The place a cursor of `listCursorAfter` names; a 400 naming `cursor` for anything else. */
export function listPositionOf(cursor: string): IcpListPosition {
  let place: unknown;
  try {
    place = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    place = null;
  }
  const [createdAt, id] = Array.isArray(place) && place.length === 2 ? place : [];
  if (typeof createdAt !== 'string' || !ISO_DATE_TIME.test(createdAt)) throw badCursor();
  if (typeof id !== 'string' || !UUID.test(id)) throw badCursor();
  return { createdAt, id };
}

const badCursor = () =>
  new AppError('BAD_REQUEST', 'Invalid request', [
    { path: ['cursor'], message: 'Not a cursor of this list: follow the Link of a page' },
  ]);

import type { Icp, IcpListQuery } from '@icp/schema';
import type { Context as HonoContext } from 'hono';
import { icpJson } from '../icp/icp-json.js';
import { listCursorAfter } from '../icp/icp-list-cursor.js';

/** ICPs read (and sent) at a time: at most 50 x 256 KiB of JSON held at once, whatever the list. */
const BATCH = 50;

/** One call of the list procedure. */
export type ListCall = (query: IcpListQuery) => Promise<Icp[]>;

/** `limit` and `cursor` as sent; a `limit` of digits as a number (the procedure checks both). */
export function listQueryOf(c: HonoContext): IcpListQuery {
  const limit = c.req.query('limit');
  const cursor = c.req.query('cursor');
  return {
    ...(limit !== undefined && { limit: /^\d{1,9}$/.test(limit) ? Number(limit) : limit }),
    ...(cursor !== undefined && { cursor }),
  } as IcpListQuery;
}

const encoder = new TextEncoder();
const itemsJson = (icps: readonly Icp[]) => icps.map(icpJson).join(',');

/**
 * The JSON array of the ICPs of `first` and of every batch `rest` yields, sent a batch at a time
 * as the client reads (the next batch is read only then), never as one string.
 */
function streamedArray(first: readonly Icp[], rest: AsyncGenerator<readonly Icp[]>) {
  let opened = false;
  let holdsItems = false;
  const chunkOf = (batch: readonly Icp[]) => {
    const text = itemsJson(batch);
    const chunk = `${opened ? '' : '['}${holdsItems && text !== '' ? ',' : ''}${text}`;
    opened = true;
    holdsItems ||= text !== '';
    return encoder.encode(chunk);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!opened) {
          controller.enqueue(chunkOf(first));
          return;
        }
        const next = await rest.next();
        if (next.done) {
          controller.enqueue(encoder.encode(']'));
          controller.close();
        } else {
          controller.enqueue(chunkOf(next.value));
        }
      },
      async cancel() {
        await rest.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The batches of the list after `page`, read as they are asked for. */
async function* batchesAfter(page: readonly Icp[], next: ListCall) {
  let last = page;
  while (last.length === BATCH) {
    last = await next({ limit: BATCH, cursor: listCursorAfter(last.at(-1) as Icp) });
    yield last;
  }
}

async function* batchesOf(icps: readonly Icp[]) {
  for (let start = BATCH; start < icps.length; start += BATCH) {
    yield icps.slice(start, start + BATCH);
  }
}

/**
 * `GET /api/v1/entities/icps`: the bare JSON array of the caller's ICPs, all of them or the page
 * `limit` and `cursor` ask for, with a `Link: rel="next"` to the page after it. `first` makes
 * the request's one call of the procedure, so that every refusal (401, 429, a bad query...) comes
 * before the first byte; `next` reads the rest of the same answer.
 */
export async function icpListResponse(
  c: HonoContext,
  query: IcpListQuery,
  first: ListCall,
  next: ListCall,
): Promise<Response> {
  c.header('Content-Type', 'application/json');
  if (query.limit === undefined) {
    const page = await first({ ...query, limit: BATCH });
    if (page.length < BATCH) return c.body(`[${itemsJson(page)}]`);
    return c.body(streamedArray(page, batchesAfter(page, next)));
  }
  const page = await first(query);
  const last = page.at(-1);
  if (last !== undefined && page.length === query.limit) {
    const cursor = listCursorAfter(last);
    if ((await next({ limit: 1, cursor })).length > 0) {
      const url = new URL(c.req.url);
      const nextPage = `${url.pathname}?${new URLSearchParams({ limit: String(query.limit), cursor })}`;
      c.header('Link', `<${nextPage}>; rel="next"`);
    }
  }
  if (page.length <= BATCH) return c.body(`[${itemsJson(page)}]`);
  return c.body(streamedArray(page.slice(0, BATCH), batchesOf(page)));
}

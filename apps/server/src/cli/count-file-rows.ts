import { createReadStream } from 'node:fs';
import { extname } from 'node:path';

const NEWLINE = 0x0a;

/**
 * About how many rows a lead file holds: its lines, less a CSV's header (a quoted cell that spans
 * lines counts twice). Undefined when the file cannot be read; the import then says why.
 */
export async function countFileRows(path: string): Promise<number | undefined> {
  let lines = 0;
  let endsWithNewline = true;
  try {
    for await (const chunk of createReadStream(path, {
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
      if (chunk.length > 0) endsWithNewline = chunk[chunk.length - 1] === NEWLINE;
    }
  } catch {
    return undefined;
  }
  if (!endsWithNewline) lines++;
  return extname(path).toLowerCase() === '.csv' ? Math.max(lines - 1, 0) : lines;
}

import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { describeContent, type OpenedJtl } from './open.js';

/** The name standard input goes by in messages. */
export const STDIN_NAME = 'stdin';

/** Enough of the start of the input for the format, the encoding and a header line. */
const HEAD_BYTES = 1 << 16;

/**
 * Standard input (`jtl analyze -`, e.g. a pipe from zcat or ssh) as a JTL: gzip is recognised by its bytes, the head
 * is kept so the readers can look at it first, and the rest is read once, as it comes.
 */
export async function openStdin(input: AsyncIterable<Buffer> = process.stdin): Promise<OpenedJtl> {
  const raw = input[Symbol.asyncIterator]();
  const firstRaw = await raw.next();
  const rawHead = firstRaw.done === true ? Buffer.alloc(0) : firstRaw.value;
  const gzip = rawHead[0] === 0x1f && rawHead[1] === 0x8b;
  async function* rawBytes(): AsyncGenerator<Buffer> {
    if (rawHead.length > 0) yield rawHead;
    for (let next = await raw.next(); next.done !== true; next = await raw.next()) yield next.value;
  }
  const source = (gzip ? Readable.from(rawBytes()).pipe(createGunzip()) : Readable.from(rawBytes()))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < HEAD_BYTES) {
    const next = await source.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(parts);
  let readPastHead = false;
  return {
    file: STDIN_NAME,
    gzip,
    sizeBytes: 0,
    ...describeContent(STDIN_NAME, head),
    chunks(start = 0) {
      if (start !== 0 || readPastHead) throw new Error('standard input can only be read once, from its start');
      return (async function* () {
        if (head.length > 0) yield head;
        if (ended) return;
        readPastHead = true;
        for (let next = await source.next(); next.done !== true; next = await source.next()) yield next.value;
      })();
    },
  };
}

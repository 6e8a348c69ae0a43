import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

import { JtlError } from '../errors.js';

export type JtlFormat = 'csv' | 'xml';

export interface OpenedJtl {
  readonly file: string;
  readonly format: JtlFormat;
  readonly gzip: boolean;
  /** Text encoding: UTF-8 as JMeter writes it, or UTF-16LE when the content starts with its byte order mark. */
  readonly encoding: 'utf8' | 'utf16le';
  /** Size on disk (compressed size for .gz), for progress. */
  readonly sizeBytes: number;
  /** The (decompressed) bytes, in large chunks; `start` skips to a byte offset (plain files only). */
  chunks(start?: number): AsyncIterable<Buffer>;
}

const CHUNK = 1 << 19;

/** Detects gzip and the format from the content (not the extension) and opens a byte stream. */
export async function openJtl(file: string): Promise<OpenedJtl> {
  let size: number;
  let head: Buffer;
  try {
    size = (await stat(file)).size;
    const fd = await open(file, 'r');
    try {
      head = Buffer.alloc(Math.min(size, 4096));
      await fd.read(head, 0, head.length, 0);
    } finally {
      await fd.close();
    }
  } catch (error) {
    throw new JtlError('JTL_CANNOT_READ', `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file }, { cause: error });
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const chunks = (start = 0) => {
    const raw = createReadStream(file, { highWaterMark: CHUNK, start: gzip ? 0 : start });
    return (gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw) as AsyncIterable<Buffer>;
  };
  const first = gzip ? await firstBytes(chunks()) : head;
  if (first[0] === 0xfe && first[1] === 0xff) {
    throw new JtlError('JTL_UNSUPPORTED_ENCODING', `${file}: the text is UTF-16 big-endian, which the analyzer does not read; convert it first: iconv -f UTF-16BE -t UTF-8`, { file });
  }
  const encoding = first[0] === 0xff && first[1] === 0xfe ? 'utf16le' : 'utf8';
  const text = encoding === 'utf8' ? first : Buffer.from(first.toString('utf16le'));
  return { file, format: looksLikeXml(text) ? 'xml' : 'csv', gzip, encoding, sizeBytes: size, chunks };
}

async function firstBytes(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  for await (const chunk of stream) {
    (stream as unknown as { destroy?: () => void }).destroy?.();
    return chunk.subarray(0, 4096);
  }
  return Buffer.alloc(0);
}

/** Whether the (UTF-8) head starts, after a byte order mark and blanks, with `<`. */
function looksLikeXml(head: Buffer): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x3c;
}

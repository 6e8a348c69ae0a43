import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { JtlError } from '../errors.js';
import { assertJtlXml } from './not-a-jtl.js';
import { openStdin } from './stdin.js';

export type JtlFormat = 'csv' | 'xml';

export interface OpenedJtl {
  readonly file: string;
  readonly format: JtlFormat;
  readonly gzip: boolean;
  /**
   * Text encoding: UTF-8 as JMeter writes it; UTF-16LE when the content starts with its byte order mark; for XML,
   * ISO-8859-1 when its declaration names it (or US-ASCII).
   */
  readonly encoding: 'utf8' | 'utf16le' | 'latin1';
  /** Size on disk (compressed size for .gz), for progress. */
  readonly sizeBytes: number;
  /** The (decompressed) bytes, in large chunks; `start` skips to a byte offset (plain files only). */
  chunks(start?: number): AsyncIterable<Buffer>;
}

const CHUNK = 1 << 19;

/** Detects gzip and the format from the content (not the extension) and opens a byte stream; `-` is standard input. */
export async function openJtl(file: string): Promise<OpenedJtl> {
  if (file === '-') return openStdin();
  let size: number;
  let head: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new JtlError('JTL_CANNOT_READ', `${file}: is a directory, not a results file; pass the .jtl inside it (a run folder holds results.jtl)`, { file });
    }
    size = info.size;
    const fd = await open(file, 'r');
    try {
      head = Buffer.alloc(Math.min(size, 4096));
      await fd.read(head, 0, head.length, 0);
    } finally {
      await fd.close();
    }
  } catch (error) {
    if (error instanceof JtlError) throw error;
    throw new JtlError('JTL_CANNOT_READ', `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file }, { cause: error });
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const chunks = (start = 0) => readChunks(file, gzip, start);
  const first = gzip ? await firstBytes(chunks()) : head;
  return { file, gzip, sizeBytes: size, chunks, ...describeContent(file, first) };
}

/** The format and text encoding, from the first (decompressed) bytes. */
export function describeContent(file: string, first: Buffer): Pick<OpenedJtl, 'format' | 'encoding'> {
  if (first[0] === 0xfe && first[1] === 0xff) {
    throw new JtlError('JTL_UNSUPPORTED_ENCODING', `${file}: the text is UTF-16 big-endian, which the analyzer does not read; convert it first: iconv -f UTF-16BE -t UTF-8`, { file });
  }
  const utf16 = first[0] === 0xff && first[1] === 0xfe;
  const text = utf16 ? Buffer.from(first.toString('utf16le')) : first;
  const format = looksLikeXml(text) ? 'xml' : 'csv';
  if (format === 'xml') assertJtlXml(file, text.toString('latin1'));
  const encoding = utf16 ? 'utf16le' : format === 'xml' ? declaredXmlEncoding(file, text) : 'utf8';
  return { format, encoding };
}

/**
 * The file's bytes (decompressed for gzip). Every stream is closed when the reader finishes, stops early (break,
 * return) or fails — one open file at a time, however many files are analyzed — and a failure is one JtlError line.
 */
async function* readChunks(file: string, gzip: boolean, start: number): AsyncGenerator<Buffer> {
  const raw = createReadStream(file, { highWaterMark: CHUNK, start: gzip ? 0 : start });
  // pipeline (unlike pipe) forwards an error of either stream to the other and destroys both.
  const stream = gzip ? pipeline(raw, createGunzip({ chunkSize: CHUNK }), () => {}) : raw;
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code?.startsWith('Z_') ? `gzip: ${(error as Error).message}` : (code ?? (error as Error).message);
    throw new JtlError('JTL_CANNOT_READ', `${file}: cannot read it (${what})`, { file }, { cause: error });
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

async function firstBytes(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  // Leaving the loop closes the generator, and with it the file.
  for await (const chunk of stream) return chunk.subarray(0, 4096);
  return Buffer.alloc(0);
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="…"?>`), UTF-8 when it names none. */
function declaredXmlEncoding(file: string, head: Buffer): OpenedJtl['encoding'] {
  // A UTF-16 file with its byte order mark never gets here; without one, its declaration cannot be read as bytes.
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head.toString('latin1', 0, 200).replace(/^\xEF\xBB\xBF/, ''))?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return 'utf8';
  if (['iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(declared)) return 'latin1';
  throw new JtlError('JTL_UNSUPPORTED_ENCODING', `${file}: the XML declares encoding "${declared}", which the analyzer does not read (it reads UTF-8, ISO-8859-1, and UTF-16LE with a byte order mark); convert it first: iconv -f ${declared} -t UTF-8`, { file });
}

/** Whether the (UTF-8) head starts, after a byte order mark and blanks, with `<`. */
function looksLikeXml(head: Buffer): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x3c;
}

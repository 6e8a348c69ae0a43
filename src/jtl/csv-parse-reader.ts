import { Readable } from 'node:stream';

import { parse, type CsvError } from 'csv-parse';

import { detectLayout, firstLineSplitter, type CsvDialect } from './csv-layout.js';
import { recordTaker, type CsvReadResult } from './csv-reader.js';
import type { OpenedJtl } from './open.js';
import type { Sample } from '../stats/sample.js';
import { noteSkip, type ReadIssues } from './sample.js';
import { TRUNCATED, type RecordView } from './scanner.js';

/**
 * Reads a CSV JTL in a dialect the fast path does not (another quote or escape character, a delimiter of several
 * characters, UTF-16) with csv-parse. Records go through the same checks and conversions as the fast path's.
 */
export async function readCsvJtlWithCsvParse(jtl: OpenedJtl, dialect: CsvDialect, issues: ReadIssues, onSample: (s: Sample) => void): Promise<CsvReadResult> {
  const encoding = dialect.encoding ?? jtl.encoding;
  let head: Buffer | undefined;
  for await (const chunk of jtl.chunks()) {
    head = chunk;
    break;
  }
  if (head === undefined) return { records: 0, layout: undefined };
  const layout = detectLayout(jtl.file, firstLineSplitter(head, encoding), dialect);
  const take = recordTaker(jtl.file, layout.map, issues, onSample);
  const parser = parse({
    bom: true,
    encoding,
    delimiter: layout.delimiter,
    quote: dialect.quote ?? '"',
    escape: dialect.escape ?? dialect.quote ?? '"',
    info: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error === undefined) return;
      const where = { file: jtl.file, line: Number(error.lines ?? 0), byteOffset: nextOffset, reason: error.message };
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') issues.truncatedTails.push({ ...where, reason: TRUNCATED.insideQuotes });
      else noteSkip(issues, where);
    },
  });
  let endsWithLineEnd = true;
  const input = Readable.from(
    (async function* () {
      for await (const chunk of jtl.chunks()) {
        if (chunk.length > 0) endsWithLineEnd = /[\r\n]$/.test(chunk.subarray(-4).toString(encoding));
        yield chunk;
      }
    })(),
  );
  let records = 0;
  let header = layout.headerLine;
  let nextLine = 1;
  let nextOffset = 0;
  // A record is taken once the next one arrives: only then is it known not to be a last record cut off mid-line.
  let pending: { fields: string[]; line: number; byteOffset: number } | undefined;
  const takePending = (defect: string) => {
    if (pending === undefined) return;
    if (take(recordView(pending.fields, pending.line, pending.byteOffset, defect))) records += 1;
  };
  for await (const { record, info } of input.pipe(parser) as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
    if (header) header = false;
    else {
      takePending('');
      pending = { fields: record, line: nextLine, byteOffset: nextOffset };
    }
    nextLine = info.lines + 1;
    nextOffset = info.bytes;
  }
  takePending(endsWithLineEnd ? '' : TRUNCATED.noLineEnd);
  return { records, layout };
}

/** The record as the fast path's view of it: the fields' UTF-8 bytes one after the other. */
function recordView(fields: readonly string[], line: number, byteOffset: number, defect: string): RecordView {
  const starts = new Int32Array(fields.length);
  const ends = new Int32Array(fields.length);
  let at = 0;
  fields.forEach((f, k) => {
    starts[k] = at;
    at += Buffer.byteLength(f);
    ends[k] = at;
  });
  return { buf: Buffer.from(fields.join('')), count: fields.length, starts, ends, escaped: new Uint8Array(fields.length), line, byteOffset, defect };
}

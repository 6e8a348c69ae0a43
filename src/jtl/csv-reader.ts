import { JtlError } from '../errors.js';
import { columnMap, DEFAULT_COLUMNS, type ColumnMap } from './columns.js';
import { fieldInteger, fieldIsTrue, fieldStartsWith, fieldText } from './fields.js';
import { ByteInterner } from './intern.js';
import type { OpenedJtl } from './open.js';
import { CONTROLLER_MESSAGE, EMPTY_CONTROLLER_MESSAGE, noteSkip, type ReadIssues, type Sample } from './sample.js';
import { newScanState, scanChunk, type RecordView } from './scanner.js';
import { parseFormattedTimestamp } from './timestamp.js';

export interface CsvDialect {
  /** Column names for a file without a header (default: JMeter 5.6.3's defaults). */
  readonly columns?: readonly string[];
  /** The delimiter (default: guessed from the first line: `,`, tab, `;` or `|`). */
  readonly delimiter?: string;
}

const CONTROLLER = Buffer.from(CONTROLLER_MESSAGE);
const EMPTY_CONTROLLER = Buffer.from(EMPTY_CONTROLLER_MESSAGE);
const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** How a CSV JTL's records are laid out: columns, delimiter, whether line 1 is the header. */
export type CsvLayout = ReturnType<typeof detectLayout>;

/** A part of a plain CSV JTL, for reading one file on several threads. */
export interface CsvRange {
  /** The first byte: a record start (0, or found by the caller). */
  readonly start: number;
  /** The file's layout when `start` > 0 (there is no header to detect it from). */
  readonly layout?: CsvLayout;
  /** Stop before the first record that starts at or after this byte. */
  readonly stopAt?: number;
}

export interface CsvReadResult {
  readonly records: number;
  readonly layout: CsvLayout | undefined;
  /** Where reading stopped with `stopAt`: the byte offset and line of the first record not read. */
  readonly stoppedAt?: { readonly byteOffset: number; readonly line: number };
}

/** Reads the layout from the first line of a CSV JTL. */
export async function readCsvLayout(jtl: OpenedJtl, dialect: CsvDialect): Promise<CsvLayout | undefined> {
  for await (const chunk of jtl.chunks()) return detectLayout(jtl.file, chunk, dialect);
  return undefined;
}

/** Reads a CSV JTL, calling onSample for each good record (the object is reused: copy what you keep). */
export async function readCsvJtl(
  jtl: OpenedJtl,
  dialect: CsvDialect,
  issues: ReadIssues,
  onSample: (s: Sample) => void,
  range: CsvRange = { start: 0 },
): Promise<CsvReadResult> {
  let layout: CsvLayout | undefined = range.layout;
  let state: ReturnType<typeof newScanState> | undefined;
  let records = 0;
  let stoppedAt: CsvReadResult['stoppedAt'];
  const sample = blankSample();
  const text = { labels: new ByteInterner(), codes: new ByteInterner() };
  const onRecord = (r: RecordView) => {
    if (layout === undefined || stoppedAt !== undefined) return;
    if (range.stopAt !== undefined && r.byteOffset >= range.stopAt) {
      stoppedAt = { byteOffset: r.byteOffset, line: r.line };
      return;
    }
    if (layout.headerLine && r.line === 1 && range.start === 0) return;
    const reason = r.defect !== '' ? r.defect : r.count !== layout.map.names.length ? `${r.count} fields, expected ${layout.map.names.length}` : fill(sample, r, layout.map, text);
    if (reason === '') {
      records += 1;
      onSample(sample);
    } else {
      const where = { file: jtl.file, line: r.line, byteOffset: r.byteOffset, reason };
      if (r.defect === 'the file ends inside a quoted field' || r.defect === 'the last record has no line end') issues.truncatedTails.push(where);
      else noteSkip(issues, where);
    }
  };
  for await (const chunk of jtl.chunks(range.start)) {
    if (layout === undefined) layout = detectLayout(jtl.file, chunk, dialect);
    if (state === undefined) {
      state = newScanState(layout.delimiter);
      state.byteOffset = range.start;
    }
    scanChunk(state, chunk, false, onRecord);
    if (stoppedAt !== undefined) break;
  }
  if (state !== undefined && stoppedAt === undefined) scanChunk(state, Buffer.alloc(0), true, onRecord);
  return { records, layout, ...(stoppedAt && { stoppedAt }) };
}

/** An optional integer column: 0 when the file does not have it, NaN when its text is not an integer. */
const optionalInteger = (r: RecordView, k: number): number => (k < 0 ? 0 : fieldInteger(r, k));

const interned = (interner: ByteInterner, r: RecordView, k: number): string =>
  k < 0 || k >= r.count ? '' : r.escaped[k] === 1 ? fieldText(r, k) : interner.intern(r.buf, r.starts[k]!, r.ends[k]!);

/** Fills the reused sample from a record; returns '' or what is wrong (naming the column). */
function fill(s: Mutable<Sample>, r: RecordView, m: ColumnMap, text: { labels: ByteInterner; codes: ByteInterner }): string {
  let ts = fieldInteger(r, m.timeStamp);
  if (Number.isNaN(ts)) ts = parseFormattedTimestamp(fieldText(r, m.timeStamp));
  if (Number.isNaN(ts)) return `column "timeStamp" is "${fieldText(r, m.timeStamp).slice(0, 40)}", expected epoch ms or a date`;
  s.timeStamp = ts;
  // Plain property stores (no computed keys): this runs for every record.
  s.elapsedMs = fieldInteger(r, m.elapsed);
  s.bytes = optionalInteger(r, m.bytes);
  s.sentBytes = optionalInteger(r, m.sentBytes);
  s.allThreads = optionalInteger(r, m.allThreads);
  s.latencyMs = optionalInteger(r, m.latency);
  s.connectMs = optionalInteger(r, m.connect);
  if (Number.isNaN(s.elapsedMs + s.bytes + s.sentBytes + s.allThreads + s.latencyMs + s.connectMs)) return badInteger(r, m);
  s.label = interned(text.labels, r, m.label);
  s.success = fieldIsTrue(r, m.success);
  s.responseCode = interned(text.codes, r, m.responseCode);
  s.controller = fieldStartsWith(r, m.responseMessage, EMPTY_CONTROLLER) ? 'empty-tc' : fieldStartsWith(r, m.responseMessage, CONTROLLER) ? 'tc' : 'none';
  // Messages are only read where they are used: failures (error breakdowns).
  s.responseMessage = s.success ? '' : fieldText(r, m.responseMessage);
  s.failureMessage = s.success ? '' : fieldText(r, m.failureMessage);
  return '';
}

/** Names the first integer column that is not an integer (the slow path of fill). */
function badInteger(r: RecordView, m: ColumnMap): string {
  const columns: ReadonlyArray<readonly [string, number]> = [['elapsed', m.elapsed], ['bytes', m.bytes], ['sentBytes', m.sentBytes], ['allThreads', m.allThreads], ['Latency', m.latency], ['Connect', m.connect]];
  const [column, k] = columns.find(([, k]) => Number.isNaN(optionalInteger(r, k)))!;
  return `column "${column}" is "${fieldText(r, k).slice(0, 40)}", expected an integer`;
}

function detectLayout(file: string, chunk: Buffer, dialect: CsvDialect): { map: ColumnMap; headerLine: boolean; delimiter: number } {
  const end = chunk.indexOf(0x0a);
  const first = chunk.toString('utf8', 0, end < 0 ? Math.min(chunk.length, 65536) : end).replace(/^\uFEFF/, '').replace(/\r$/, '');
  const delimiters = dialect.delimiter !== undefined ? [dialect.delimiter === '\\t' ? '\t' : dialect.delimiter] : CANDIDATE_DELIMITERS;
  for (const d of delimiters) {
    const names = first.split(d).map((n) => n.trim());
    if (names.includes('elapsed') && names.includes('label') && !/^\d/.test(first)) {
      const map = columnMap(names.map((n) => n.replace(/^"(.*)"$/, '$1')), file);
      return { map, headerLine: true, delimiter: d.charCodeAt(0) };
    }
  }
  const columns = dialect.columns ?? DEFAULT_COLUMNS;
  for (const d of delimiters) {
    const fields = first.split(d);
    if (fields.length >= columns.length && /^\s*\d{4}|^\s*\d+\s*$/.test(fields[columns.indexOf('timeStamp')] ?? '')) {
      const map = columnMap(columns, file);
      return { map, headerLine: false, delimiter: d.charCodeAt(0) };
    }
  }
  throw new JtlError(
    'JTL_NOT_A_JTL',
    `${file}:1: not a JMeter results file: the first line is neither a JTL header nor a sample with ${columns.length} columns (${JSON.stringify(first.slice(0, 80))}). For a header-less JTL with other columns, pass --columns.`,
    { file, line: 1, byteOffset: 0 },
  );
}

function blankSample(): Mutable<Sample> {
  return {
    timeStamp: 0, elapsedMs: 0, label: '', responseCode: '', responseMessage: '', success: true,
    failureMessage: '', bytes: 0, sentBytes: 0, allThreads: 0, latencyMs: 0, connectMs: 0,
    controller: 'none',
  };
}

import type { ColumnMap } from './columns.js';
import { detectLayout, firstLineSplitter, type CsvDialect, type CsvLayout } from './csv-layout.js';
import { fieldInteger, fieldIsTrue, fieldStartsWith, fieldText } from './fields.js';
import { ByteInterner } from './intern.js';
import type { OpenedJtl } from './open.js';
import type { Sample } from '../stats/sample.js';
import { addNote, CONTROLLER_MESSAGE, EMPTY_CONTROLLER_MESSAGE, noteSkip, type ReadIssues, type WritableSample } from './sample.js';
import { newScanState, scanChunk, TRUNCATED, type RecordView } from './scanner.js';
import { parseFormattedTimestamp } from './timestamp.js';

const CONTROLLER = Buffer.from(CONTROLLER_MESSAGE);
const EMPTY_CONTROLLER = Buffer.from(EMPTY_CONTROLLER_MESSAGE);

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
  for await (const chunk of jtl.chunks()) return detectLayout(jtl.file, firstLineSplitter(chunk), dialect);
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
  let take: ((r: RecordView) => boolean) | undefined;
  const onRecord = (r: RecordView) => {
    if (take === undefined || stoppedAt !== undefined) return;
    if (range.stopAt !== undefined && r.byteOffset >= range.stopAt) {
      stoppedAt = { byteOffset: r.byteOffset, line: r.line };
      return;
    }
    if (layout!.headerLine && r.line === 1 && range.start === 0) return;
    if (take(r)) records += 1;
  };
  for await (const chunk of jtl.chunks(range.start)) {
    if (layout === undefined) layout = detectLayout(jtl.file, firstLineSplitter(chunk), dialect);
    if (state === undefined) {
      take = recordTaker(jtl.file, layout.map, issues, onSample);
      state = newScanState(layout.delimiter.charCodeAt(0), layout.map.names.length);
      state.byteOffset = range.start;
    }
    scanChunk(state, chunk, false, onRecord);
    if (stoppedAt !== undefined) break;
  }
  if (state !== undefined && stoppedAt === undefined) scanChunk(state, Buffer.alloc(0), true, onRecord);
  return { records, layout, ...(stoppedAt && { stoppedAt }) };
}

/**
 * Checks a record against the columns and turns it into the (reused) sample for onSample; a record that does not
 * fit is noted in `issues` with where it is. Returns whether a sample was passed on.
 */
export function recordTaker(file: string, map: ColumnMap, issues: ReadIssues, onSample: (s: Sample) => void): (r: RecordView) => boolean {
  const sample = blankSample();
  const text = { labels: new ByteInterner(), codes: new ByteInterner() };
  return (r) => {
    // A last record without a line end is a sample when it is whole (every column, and they parse), as for JMeter.
    const unterminated = r.defect === TRUNCATED.noLineEnd;
    const reason = r.defect !== '' && !unterminated ? r.defect : r.count !== map.names.length ? `${r.count} fields, expected ${map.names.length}` : fill(sample, r, map, text);
    const where = { file, line: r.line, byteOffset: r.byteOffset };
    if (reason === '') {
      sample.line = r.line;
      onSample(sample);
      if (unterminated) addNote(issues, { ...where, reason: 'the last record has no line end; it is complete and counted' });
      return true;
    }
    if (unterminated || r.defect === TRUNCATED.insideQuotes) issues.truncatedTails.push({ ...where, reason: r.defect });
    else noteSkip(issues, { ...where, reason });
    return false;
  };
}

/** An optional integer column: 0 when the file does not have it, NaN when its text is not an integer. */
const optionalInteger = (r: RecordView, k: number): number => (k < 0 ? 0 : fieldInteger(r, k));

const interned = (interner: ByteInterner, r: RecordView, k: number): string =>
  k < 0 || k >= r.count ? '' : r.escaped[k] === 1 ? fieldText(r, k) : interner.intern(r.buf, r.starts[k]!, r.ends[k]!);

/** Fills the reused sample from a record; returns '' or what is wrong (naming the column). */
function fill(s: WritableSample, r: RecordView, m: ColumnMap, text: { labels: ByteInterner; codes: ByteInterner }): string {
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

function blankSample(): WritableSample {
  return {
    timeStamp: 0, elapsedMs: 0, label: '', responseCode: '', responseMessage: '', success: true,
    failureMessage: '', bytes: 0, sentBytes: 0, allThreads: 0, latencyMs: 0, connectMs: 0,
    controller: 'none', line: 0,
  };
}

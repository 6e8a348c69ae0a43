/**
 * The fast path of the CSV JTL reader: splits bytes into records and fields without creating strings.
 * JMeter's dialect (CSVSaveService): a field containing the delimiter, `"`, CR or LF is quoted and its quotes
 * doubled; nothing else is escaped; CR, LF and CRLF all end a record.
 */

/** The defects of a last record cut off by a killed run (the readers report these as truncated tails). */
export const TRUNCATED = { insideQuotes: 'the file ends inside a quoted field', noLineEnd: 'the last record has no line end' } as const;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Field boundaries of one record, valid only during the onRecord call (the object and its arrays are reused). */
export interface RecordView {
  buf: Buffer;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when the field was quoted and holds doubled quotes that must be undone. */
  escaped: Uint8Array;
  /** Physical line (1-based) and byte offset where the record starts. */
  line: number;
  byteOffset: number;
  /** Why the record breaks the dialect, or '' when it is well formed. */
  defect: string;
}

export interface ScanState {
  delimiter: number;
  /** Fields a record must have (0: unknown); a multi-line record without them may hide a stray quote. */
  expectedFields: number;
  /** Unfinished record carried over from the previous chunk. */
  leftover: Buffer | undefined;
  /** Line and absolute byte offset of the first byte of `leftover` (or of the next chunk). */
  line: number;
  byteOffset: number;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  /** 1 for the bytes the scanner must look at outside quotes (LF, CR, `"`, the delimiter), 0 for plain text. */
  readonly special: Uint8Array;
  readonly view: RecordView;
}

export const newScanState = (delimiter: number, expectedFields = 0): ScanState => ({
  delimiter,
  expectedFields,
  leftover: undefined,
  line: 1,
  byteOffset: 0,
  starts: new Int32Array(64),
  ends: new Int32Array(64),
  escaped: new Uint8Array(64),
  special: specialBytes(delimiter),
  view: { buf: Buffer.alloc(0), count: 0, starts: new Int32Array(0), ends: new Int32Array(0), escaped: new Uint8Array(0), line: 0, byteOffset: 0, defect: '' },
});

function specialBytes(delimiter: number): Uint8Array {
  const special = new Uint8Array(256);
  for (const b of [LF, CR, QUOTE, delimiter]) special[b] = 1;
  return special;
}

function grow(s: ScanState): void {
  const size = s.starts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const escaped = new Uint8Array(size);
  starts.set(s.starts);
  ends.set(s.ends);
  escaped.set(s.escaped);
  s.starts = starts;
  s.ends = ends;
  s.escaped = escaped;
}

/** Lines that look like records inside one quoted field before it is taken for a stray quote. */
const STRAY_QUOTE_LINES = 32;

/** The reason given for the line of a stray quote, which is skipped while reading resumes on the next line. */
export const strayQuote = (bytes: number, lines: number): string =>
  `a quote opens a field that runs on over ${lines} line(s) that look like records (a stray quote?): this line is skipped (${bytes} bytes) and reading resumes on the next line`;

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/**
 * Whether a record could start at `j` (JMeter's records start with a timestamp: epoch ms, or a date): 1 yes, 0 no,
 * -1 when the bytes end before it can be told.
 */
function recordStartAt(buf: Buffer, j: number, n: number, delimiter: number, final: boolean): number {
  let k = j;
  while (k < n && isDigit(buf[k])) k++;
  if (k === j) return j < n || final ? 0 : -1;
  if (k === n) return final ? 0 : -1;
  if (k - j >= 9 && buf[k] === delimiter) return 1;
  // yyyy-MM-dd or yyyy/MM/dd
  if (k - j === 4 && (buf[k] === 0x2d || buf[k] === 0x2f)) {
    if (k + 6 > n) return final ? 0 : -1;
    return isDigit(buf[k + 1]) && isDigit(buf[k + 2]) && buf[k + 3] === buf[k] && isDigit(buf[k + 4]) && isDigit(buf[k + 5]) ? 1 : 0;
  }
  return 0;
}

/** A leftover longer than this is joined to the whole next chunk at once (a huge multi-line field). */
const JOIN_BY_LINE_LIMIT = 1 << 16;

/**
 * Scans `chunk` (after any leftover), calling onRecord for every complete record. With `final`, the end of the
 * data ends the last record; the returned value is then the description of an unfinished tail ('' when none).
 */
export function scanChunk(s: ScanState, chunk: Buffer, final: boolean, onRecord: (r: RecordView) => void): string {
  // The unfinished record is completed with the chunk's first lines only, so the chunk itself is never copied.
  let rest = chunk;
  while (s.leftover !== undefined && s.leftover.length < JOIN_BY_LINE_LIMIT) {
    const lf = rest.indexOf(LF);
    if (lf < 0) break;
    const joined = Buffer.concat([s.leftover, rest.subarray(0, lf + 1)]);
    s.leftover = undefined;
    scanBuffer(s, joined, false, onRecord);
    rest = rest.subarray(lf + 1);
  }
  const buf = s.leftover === undefined ? rest : Buffer.concat([s.leftover, rest]);
  s.leftover = undefined;
  return scanBuffer(s, buf, final, onRecord);
}

/**
 * The hot loop: field by field, plain text skipped with one table lookup a byte, state in locals (no closures
 * over them, so V8 keeps it in registers).
 */
function scanBuffer(s: ScanState, buf: Buffer, final: boolean, onRecord: (r: RecordView) => void): string {
  const n = buf.length;
  const delimiter = s.delimiter;
  const special = s.special;
  const view = s.view;
  view.buf = buf;
  let starts = s.starts;
  let ends = s.ends;
  let escaped = s.escaped;
  let line = s.line;
  let recordLine = line;
  let recordStart = 0;
  let count = 0;
  let defect = '';
  let tail = '';
  let i = 0;
  // Lines inside this record's quoted fields that look like the start of a record.
  let suspects = 0;

  for (;;) {
    const fieldStart = i;
    let fieldEnd: number;
    let hasEscapes = 0;
    let inQuotes = false;
    let quoted = 0;
    if (i < n && buf[i] === QUOTE) {
      // A quoted field: `""` inside is one quote, a lone `"` closes it, newlines inside are data.
      inQuotes = true;
      quoted = 1;
      let closingQuote = -1;
      let stray = false;
      for (i += 1; i < n; i++) {
        const b = buf[i] as number;
        if (b === QUOTE) {
          // At the chunk's end we cannot tell `""` from a closing quote yet.
          if (i + 1 === n && !final) break;
          if (buf[i + 1] === QUOTE) {
            hasEscapes = 1;
            i += 1;
            continue;
          }
          closingQuote = i;
          inQuotes = false;
          i += 1;
          break;
        }
        if (b === LF) {
          line += 1;
          const start = recordStartAt(buf, i + 1, n, delimiter, final);
          // Not known yet: the record is scanned again, whole, when more bytes have come.
          if (start < 0) break;
          if (start === 1 && ++suspects >= STRAY_QUOTE_LINES) {
            stray = true;
            break;
          }
        }
      }
      if (stray) {
        i = resync(s, buf, recordStart, recordLine, suspects, onRecord);
        line = recordLine + 1;
        count = 0;
        defect = '';
        suspects = 0;
        recordStart = i;
        recordLine = line;
        continue;
      }
      if (inQuotes && !final) break;
      fieldEnd = inQuotes ? n : closingQuote;
      // Text after the closing quote (other than a delimiter or the record end) breaks the dialect; it is dropped.
      for (; i < n; i++) {
        const b = buf[i] as number;
        if (b === delimiter || b === LF || b === CR) break;
        if (defect === '') defect = 'text after the closing quote of a field';
      }
    } else {
      for (;;) {
        while (i < n && special[buf[i] as number] === 0) i++;
        // A quote opens a field only as its first character; elsewhere JMeter's reader rejects it.
        if (i < n && buf[i] === QUOTE) {
          if (defect === '') defect = 'a quote inside an unquoted field';
          i += 1;
          continue;
        }
        break;
      }
      fieldEnd = i;
    }
    if (i === n && (!final || recordStart === n)) break;
    const c = i < n ? (buf[i] as number) : -1;
    // CRLF is one record end; a CR as the chunk's last byte may be followed by LF in the next chunk.
    if (c === CR && i + 1 === n && !final) break;
    if (count === starts.length) {
      grow(s);
      starts = s.starts;
      ends = s.ends;
      escaped = s.escaped;
    }
    // A quoted field's text lies between its quotes.
    starts[count] = fieldStart + quoted;
    ends[count] = fieldEnd;
    escaped[count] = hasEscapes;
    count += 1;
    if (c === delimiter) {
      i += 1;
      continue;
    }
    // A record that spans lines looking like records and is broken: its first line had a stray quote.
    if (suspects > 0 && (defect !== '' || (c === -1 && inQuotes) || (s.expectedFields > 0 && count !== s.expectedFields))) {
      i = resync(s, buf, recordStart, recordLine, suspects, onRecord);
      line = recordLine + 1;
      count = 0;
      defect = '';
      suspects = 0;
      recordStart = i;
      recordLine = line;
      continue;
    }
    if (c === -1) defect = inQuotes ? TRUNCATED.insideQuotes : TRUNCATED.noLineEnd;
    view.count = count;
    view.starts = starts;
    view.ends = ends;
    view.escaped = escaped;
    view.line = recordLine;
    view.byteOffset = s.byteOffset + recordStart;
    view.defect = defect;
    onRecord(view);
    if (c === -1) {
      tail = defect;
      recordStart = n;
      break;
    }
    i += c === CR && buf[i + 1] === LF ? 2 : 1;
    line += 1;
    count = 0;
    defect = '';
    suspects = 0;
    recordStart = i;
    recordLine = line;
  }

  // Keep the unfinished record; it is scanned again, whole, with the next chunk.
  s.leftover = final || recordStart === n ? undefined : Buffer.from(buf.subarray(recordStart));
  s.byteOffset += recordStart;
  s.line = recordLine;
  return tail;
}

/** Reports the first line of a record broken by a stray quote as malformed; returns where reading resumes. */
function resync(s: ScanState, buf: Buffer, recordStart: number, recordLine: number, suspects: number, onRecord: (r: RecordView) => void): number {
  const next = buf.indexOf(LF, recordStart) + 1;
  const view = s.view;
  view.count = 0;
  view.line = recordLine;
  view.byteOffset = s.byteOffset + recordStart;
  view.defect = strayQuote(next - recordStart, suspects);
  onRecord(view);
  return next;
}

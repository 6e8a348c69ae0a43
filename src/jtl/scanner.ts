/**
 * The fast path of the CSV JTL reader: splits bytes into records and fields without creating strings.
 * JMeter's dialect (CSVSaveService): a field containing the delimiter, `"`, CR or LF is quoted and its quotes
 * doubled; nothing else is escaped; CR, LF and CRLF all end a record.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Field boundaries of one record, valid only during the onRecord call (the arrays are reused). */
export interface RecordView {
  readonly buf: Buffer;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 when the field was quoted and holds doubled quotes that must be undone. */
  readonly escaped: Uint8Array;
  /** Physical line (1-based) and byte offset where the record starts. */
  readonly line: number;
  readonly byteOffset: number;
  /** Why the record breaks the dialect, or '' when it is well formed. */
  readonly defect: string;
}

export interface ScanState {
  delimiter: number;
  /** Unfinished record carried over from the previous chunk. */
  leftover: Buffer | undefined;
  /** Line and absolute byte offset of the first byte of `leftover` (or of the next chunk). */
  line: number;
  byteOffset: number;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
}

export const newScanState = (delimiter: number): ScanState => ({
  delimiter,
  leftover: undefined,
  line: 1,
  byteOffset: 0,
  starts: new Int32Array(64),
  ends: new Int32Array(64),
  escaped: new Uint8Array(64),
});

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

/**
 * Scans `chunk` (after any leftover), calling onRecord for every complete record. With `final`, the end of the
 * data ends the last record; the returned value is then the description of an unfinished tail ('' when none).
 * The hot loop: one pass over the bytes, state in locals, one branch per byte class.
 */
export function scanChunk(s: ScanState, chunk: Buffer, final: boolean, onRecord: (r: RecordView) => void): string {
  const buf = s.leftover === undefined ? chunk : Buffer.concat([s.leftover, chunk]);
  const n = buf.length;
  const delimiter = s.delimiter;
  let line = s.line;
  let recordStart = 0;
  let recordLine = line;
  let fieldStart = 0;
  let count = 0;
  let inQuotes = false;
  let quoted = false;
  let closingQuote = -1;
  let hasEscapes = false;
  let defect = '';
  let i = 0;

  const endField = (end: number) => {
    if (count === s.starts.length) grow(s);
    // A quoted field's text lies between its quotes.
    s.starts[count] = quoted ? fieldStart + 1 : fieldStart;
    s.ends[count] = quoted ? (closingQuote >= 0 ? closingQuote : end) : end;
    s.escaped[count] = hasEscapes ? 1 : 0;
    count += 1;
  };
  const emit = () => {
    onRecord({ buf, count, starts: s.starts, ends: s.ends, escaped: s.escaped, line: recordLine, byteOffset: s.byteOffset + recordStart, defect });
  };
  const resetField = (at: number) => {
    fieldStart = at;
    quoted = false;
    closingQuote = -1;
    hasEscapes = false;
  };

  for (; i < n; i++) {
    const c = buf[i] as number;
    if (inQuotes) {
      if (c === QUOTE) {
        // `""` inside quotes is one quote; a lone `"` closes the field. At the chunk's end we cannot tell yet.
        if (i + 1 === n && !final) break;
        if (buf[i + 1] === QUOTE) {
          hasEscapes = true;
          i += 1;
        } else {
          inQuotes = false;
          closingQuote = i;
        }
      } else if (c === LF) {
        // A newline inside quotes is data (multi-line failure messages).
        line += 1;
      }
      continue;
    }
    if (c === delimiter) {
      endField(i);
      resetField(i + 1);
      continue;
    }
    if (c === LF || c === CR) {
      // CRLF is one record end; a CR as the chunk's last byte may be followed by LF in the next chunk.
      if (c === CR && i + 1 === n && !final) break;
      endField(i);
      emit();
      if (c === CR && buf[i + 1] === LF) i += 1;
      line += 1;
      count = 0;
      defect = '';
      recordStart = i + 1;
      recordLine = line;
      resetField(i + 1);
      continue;
    }
    if (c === QUOTE) {
      // A quote opens a field only as its first character; elsewhere JMeter's reader rejects it.
      if (i === fieldStart && !quoted) {
        inQuotes = true;
        quoted = true;
      } else if (defect === '') {
        defect = 'a quote inside an unquoted field';
      }
      continue;
    }
    // Text after a closing quote (other than a delimiter or the record end) breaks the dialect.
    if (quoted && defect === '') defect = 'text after the closing quote of a field';
  }

  let tail = '';
  if (final) {
    if (recordStart < n) {
      tail = inQuotes ? 'the file ends inside a quoted field' : 'the last record has no line end';
      endField(n);
      defect = tail;
      emit();
    }
    s.leftover = undefined;
  } else {
    // Keep the unfinished record; it is scanned again, whole, with the next chunk.
    s.leftover = recordStart < n ? Buffer.from(buf.subarray(recordStart)) : undefined;
  }
  s.byteOffset += recordStart;
  s.line = recordLine;
  return tail;
}

/**
 * The fast path of the CSV JTL reader: splits bytes into records and fields without creating strings.
 * JMeter's dialect (CSVSaveService): a field containing the delimiter, `"`, CR or LF is quoted and its quotes
 * doubled; nothing else is escaped; CR, LF and CRLF all end a record.
 */

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
  /** Unfinished record carried over from the previous chunk. */
  leftover: Buffer | undefined;
  /** Line and absolute byte offset of the first byte of `leftover` (or of the next chunk). */
  line: number;
  byteOffset: number;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  readonly view: RecordView;
}

export const newScanState = (delimiter: number): ScanState => ({
  delimiter,
  leftover: undefined,
  line: 1,
  byteOffset: 0,
  starts: new Int32Array(64),
  ends: new Int32Array(64),
  escaped: new Uint8Array(64),
  view: { buf: Buffer.alloc(0), count: 0, starts: new Int32Array(0), ends: new Int32Array(0), escaped: new Uint8Array(0), line: 0, byteOffset: 0, defect: '' },
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
  let tail = '';

  const view = s.view;
  view.buf = buf;
  let starts = s.starts;
  let ends = s.ends;
  let escaped = s.escaped;

  // Locals only (no closures over them), so V8 keeps the loop state in registers.
  for (; i <= n; i++) {
    // i === n is the end of the data: it ends the last record only in a final scan.
    let c = i < n ? (buf[i] as number) : -1;
    // Most bytes are plain text: skip them in a tight loop (LF, CR and the quote are all below 0x23).
    if (!inQuotes && c > QUOTE && c !== delimiter && !quoted) {
      while (++i < n) {
        c = buf[i] as number;
        if (c <= QUOTE || c === delimiter) break;
      }
      if (i === n) c = -1;
    }
    if (c === -1 && (!final || recordStart === n)) break;
    if (inQuotes && c !== -1) {
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
    const endsRecord = c === LF || c === CR || c === -1;
    if (c === delimiter || endsRecord) {
      // CRLF is one record end; a CR as the chunk's last byte may be followed by LF in the next chunk.
      if (c === CR && i + 1 === n && !final) break;
      if (count === starts.length) {
        grow(s);
        starts = s.starts;
        ends = s.ends;
        escaped = s.escaped;
      }
      // A quoted field's text lies between its quotes.
      starts[count] = quoted ? fieldStart + 1 : fieldStart;
      ends[count] = quoted ? (closingQuote >= 0 ? closingQuote : i) : i;
      escaped[count] = hasEscapes ? 1 : 0;
      count += 1;
      fieldStart = i + 1;
      quoted = false;
      closingQuote = -1;
      hasEscapes = false;
      if (!endsRecord) continue;
      if (c === -1) defect = inQuotes ? 'the file ends inside a quoted field' : 'the last record has no line end';
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
      if (c === CR && buf[i + 1] === LF) i += 1;
      line += 1;
      count = 0;
      defect = '';
      recordStart = i + 1;
      recordLine = line;
      fieldStart = i + 1;
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

  if (final) {
    s.leftover = undefined;
  } else {
    // Keep the unfinished record; it is scanned again, whole, with the next chunk.
    s.leftover = recordStart < n ? Buffer.from(buf.subarray(recordStart)) : undefined;
  }
  s.byteOffset += recordStart;
  s.line = recordLine;
  return tail;
}

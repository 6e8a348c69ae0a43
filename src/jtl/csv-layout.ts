import { JtlError } from '../errors.js';
import { columnMap, DEFAULT_COLUMNS, type ColumnMap } from './columns.js';

/** How a CSV JTL is written. JMeter writes UTF-8, `"` quotes, doubled quotes and a one-character delimiter. */
export interface CsvDialect {
  /** Column names for a file without a header (default: JMeter 5.6.3's defaults). */
  readonly columns?: readonly string[];
  /** The delimiter, any text (default: guessed from the first line: `,`, tab, `;` or `|`; `\t` means tab). */
  readonly delimiter?: string;
  /** The quote character (default `"`). */
  readonly quote?: string;
  /** The character that escapes a quote inside quotes (default: the quote itself, i.e. doubled quotes). */
  readonly escape?: string;
  /** A Node encoding name (default: UTF-8; a UTF-16LE byte order mark is recognised). */
  readonly encoding?: BufferEncoding;
}

/** How a CSV JTL's records are laid out: the columns, and whether the first record is the header. */
export interface CsvLayout {
  readonly map: ColumnMap;
  readonly headerLine: boolean;
  /** The delimiter as found or given (the fast path's is one byte). */
  readonly delimiter: string;
}

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'];

const delimiterOf = (dialect: CsvDialect): string | undefined => (dialect.delimiter === '\\t' ? '\t' : dialect.delimiter);

/** Whether the byte-level fast path reads this dialect; any other goes through csv-parse. */
export function fastPathReads(dialect: CsvDialect, encoding: BufferEncoding): boolean {
  // Left unset, the delimiter is guessed among one-byte candidates.
  const delimiter = delimiterOf(dialect) ?? ',';
  const quote = dialect.quote ?? '"';
  const escape = dialect.escape ?? quote;
  const textEncoding = (dialect.encoding ?? encoding).toLowerCase();
  return (
    delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80 && !'"\r\n'.includes(delimiter) &&
    quote === '"' && escape === '"' && (textEncoding === 'utf8' || textEncoding === 'utf-8')
  );
}

/**
 * The layout, from the first record split by each candidate delimiter: a header names `elapsed` and `label`;
 * otherwise the record must be a sample in the given (or JMeter's default) columns.
 */
export function detectLayout(file: string, firstRecord: (delimiter: string) => readonly string[], dialect: CsvDialect): CsvLayout {
  const given = delimiterOf(dialect);
  const delimiters = given !== undefined ? [given] : CANDIDATE_DELIMITERS;
  for (const delimiter of delimiters) {
    const names = firstRecord(delimiter).map((n) => n.trim().replace(/^\uFEFF/, ''));
    if (names.includes('elapsed') && names.includes('label') && !/^\d/.test(names[0] ?? '')) {
      return { map: columnMap(names, file), headerLine: true, delimiter };
    }
  }
  const columns = dialect.columns ?? DEFAULT_COLUMNS;
  for (const delimiter of delimiters) {
    const fields = firstRecord(delimiter);
    if (fields.length >= columns.length && /^\s*\d{4}|^\s*\d+\s*$/.test(fields[columns.indexOf('timeStamp')] ?? '')) {
      return { map: columnMap(columns, file), headerLine: false, delimiter };
    }
  }
  const first = firstRecord(delimiters[0]!).join(delimiters[0]!);
  throw new JtlError(
    'JTL_NOT_A_JTL',
    `${file}:1: not a JMeter results file: the first line is neither a JTL header nor a sample with ${columns.length} columns (${JSON.stringify(first.slice(0, 80))}). For a header-less JTL with other columns, pass --columns.`,
    { file, line: 1, byteOffset: 0 },
  );
}

/** The first record for layout detection: the first line, split naively (a header has no quoted delimiters). */
export function firstLineSplitter(chunk: Buffer, encoding: BufferEncoding = 'utf8'): (delimiter: string) => readonly string[] {
  const text = chunk.toString(encoding, 0, Math.min(chunk.length, 1 << 16));
  const end = text.indexOf('\n');
  const line = (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  return (delimiter) => line.split(delimiter).map((n) => n.replace(/^"(.*)"$/, '$1'));
}

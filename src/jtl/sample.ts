import type { Sample } from '../stats/sample.js';

/** A sample the readers fill in place (they reuse one object per file, or build one per XML element). */
export type WritableSample = { -readonly [K in keyof Sample]: Sample[K] };

/** A transaction controller's own row: JMeter's report generator recognises it by this message prefix. */
export const CONTROLLER_MESSAGE = 'Number of samples in transaction';
export const EMPTY_CONTROLLER_MESSAGE = 'Number of samples in transaction : 0';

export const controllerKind = (responseMessage: string): Sample['controller'] =>
  responseMessage.startsWith(EMPTY_CONTROLLER_MESSAGE) ? 'empty-tc' : responseMessage.startsWith(CONTROLLER_MESSAGE) ? 'tc' : 'none';

/** A record the reader could not use, with where it is. */
export interface SkippedRecord {
  readonly file: string;
  readonly line: number;
  readonly byteOffset: number;
  readonly reason: string;
}

/** What the readers noticed about the input besides the samples. */
export interface ReadIssues {
  skippedCount: number;
  /** The first few skipped records (see MAX_LISTED_SKIPS). */
  readonly skipped: SkippedRecord[];
  /** A last record cut off by a killed run: excluded, as JMeter users do by deleting the line. */
  readonly truncatedTails: SkippedRecord[];
  /**
   * What is worth saying although no sample was lost: a last record without a line end, rows with timeStamp 0, a
   * timestamp far from the others, a file without samples, labels grouped by --max-labels.
   */
  notes?: SkippedRecord[];
}

export function addNote(issues: ReadIssues, note: SkippedRecord): void {
  (issues.notes ??= []).push(note);
}

export const MAX_LISTED_SKIPS = 10;

export function noteSkip(issues: ReadIssues, record: SkippedRecord): void {
  issues.skippedCount += 1;
  if (issues.skipped.length < MAX_LISTED_SKIPS) issues.skipped.push(record);
}

/**
 * One row of a JTL: a sampler result, a sub-result or a transaction-controller result — the columns the statistics
 * read (like JMeter's report generator, the readers convert only those; threadName, grpThreads and IdleTime are not).
 * The readers (src/jtl) produce it; the statistics, SLA windows, rates and report series consume it.
 */
export interface Sample {
  /** Start time, epoch ms (JMeter's default sampleresult.timestamp.start=true). */
  readonly timeStamp: number;
  readonly elapsedMs: number;
  readonly label: string;
  readonly responseCode: string;
  readonly responseMessage: string;
  readonly success: boolean;
  readonly failureMessage: string;
  readonly bytes: number;
  readonly sentBytes: number;
  readonly allThreads: number;
  readonly latencyMs: number;
  readonly connectMs: number;
  /** A transaction controller's own row (`tc`), one with no children (`empty-tc`, skipped by the dashboard), or not. */
  readonly controller: 'none' | 'tc' | 'empty-tc';
  /** The line of the file where the record starts (0 or absent when the reader does not know it). */
  readonly line?: number;
}

import { openJtl } from '../jtl/open.js';
import { readCsvJtl } from '../jtl/csv-reader.js';
import type { ReadIssues } from '../jtl/sample.js';
import { speaksTls } from './certificate-check.js';
import { addToTally, diagnoseGateway, newTally, type GatewayContext, type GatewayTally, type GatewayVerdict } from './gateway-diagnosis.js';
import type { ProgressState } from './types.js';

/** Seconds after the test starts at which a run that measures nothing is stopped; 0 turns it off. */
export const DEFAULT_FAIL_FAST_S = 10;

/** The JTL so far (or all of it), tallied by why samples failed. A file still being written is read up to its last whole row. */
export async function tallyJtl(jtlPath: string): Promise<GatewayTally> {
  const tally = newTally();
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const jtl = await openJtl(jtlPath).catch(() => undefined);
  if (jtl === undefined || jtl.format !== 'csv' || jtl.sizeBytes === 0) return tally;
  await readCsvJtl(jtl, {}, issues, (s) => addToTally(tally, s)).catch(() => undefined);
  return tally;
}

/**
 * The diagnosis of a tally, after one TLS handshake with the gateway's port when an http:// URL got mostly no answer
 * at all (a TLS port drops plain HTTP without a word).
 */
export async function diagnoseTally(tally: GatewayTally, context: GatewayContext): Promise<GatewayVerdict | undefined> {
  const noAnswer = tally.byKind.get('no-response')?.count ?? 0;
  const probe = context.gatewayUrl?.startsWith('http://') === true && (noAnswer * 2 >= tally.samples || tally.setUpFailure?.kind === 'no-response');
  return diagnoseGateway(tally, probe ? { ...context, speaksTls: await speaksTls(context.gatewayUrl!) } : context);
}

export interface FailFastOptions {
  readonly jtlPath: string;
  readonly windowS: number;
  readonly context: GatewayContext;
  readonly progress: () => ProgressState;
  /** Called at most once, with why the run is being stopped. */
  readonly onFail: (reason: string, verdict?: GatewayVerdict) => void;
}

/** Seconds of samples the decision waits for after the first one (a slow JMeter start or a long ramp-up). */
const MIN_SAMPLED_S = 2;

/**
 * Once `windowS` seconds of the test have passed and samples have come in for a moment, decides once: every sample
 * failed, or most failed for a reason that means nothing is measured (connection, token, server id) → stop the run
 * now rather than at the end of its planned duration. Returns a function that cancels the watch.
 */
export function watchFirstSeconds(o: FailFastOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  let firstSampleAt: number | undefined;
  const startedAt = Date.now();
  const check = async (): Promise<void> => {
    if (cancelled) return;
    const progress = o.progress();
    const tally = await tallyJtl(o.jtlPath);
    if (cancelled) return;
    const now = Date.now();
    if (firstSampleAt === undefined && (progress.samples > 0 || tally.samples > 0)) firstSampleAt = now;
    if (firstSampleAt === undefined || now - startedAt < o.windowS * 1000 || now - firstSampleAt < MIN_SAMPLED_S * 1000) {
      timer = setTimeout(() => void check(), 1000);
      return;
    }
    const verdict = await diagnoseTally(tally, o.context);
    const allFailed = progress.samples > 0 && progress.errors === progress.samples;
    if (verdict) o.onFail(`the first ${o.windowS} s measured nothing: ${verdict.message}`, verdict);
    else if (allFailed) o.onFail(`every one of the ${progress.samples} samples of the first ${o.windowS} s failed`);
  };
  timer = setTimeout(() => void check(), Math.min(o.windowS, MIN_SAMPLED_S) * 1000);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

export { diagnoseGateway };

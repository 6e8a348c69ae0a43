import { RunError } from '../errors.js';
import type { RunContext } from './pipeline.js';

/**
 * Did the run produce a usable measurement? Decided once JMeter has ended and the JTL was analyzed:
 * - JMeter could not start, or exited non-zero without being asked to stop → RUN_JMETER_FAILED;
 * - no JTL, or no samples in it → RUN_NO_SAMPLES;
 * - the samples show the gateway could not be measured (dead URL, refused token, unknown server id, a readiness
 *   check that stopped the test: gateway-diagnosis.ts) → GATEWAY_*; stopped by the fail-fast check → RUN_FAILED_FAST;
 * - every sample failed → RUN_ALL_SAMPLES_FAILED: the figures measure nothing.
 *   Some failed samples are a measurement: exit 0 with a warning.
 */
export function failureOf(ctx: RunContext): RunError | undefined {
  const { exit, folder, prepared, analysis } = ctx;
  if (!exit) return undefined;
  const context = {
    command: [prepared.jmeter.bin, ...(ctx.args ?? [])].join(' '),
    exitCode: exit.exitCode,
    signal: exit.signal,
    timedOut: exit.stopTimedOut === true,
    durationMs: exit.durationMs,
    stderrTail: exit.stderrTail,
    runFolder: folder.dir,
  };
  if (exit.spawnError !== undefined) {
    return new RunError('RUN_JMETER_START_FAILED', `could not start ${prepared.jmeter.bin}: ${exit.spawnError}`, context);
  }
  if (exit.stoppedWith === undefined && exit.exitCode !== 0) {
    const why = exit.errorLines[0] ?? exit.stderrTail.at(-1) ?? exit.stdoutTail.at(-1) ?? 'no error message';
    return new RunError(
      'RUN_JMETER_FAILED',
      `JMeter failed (exit code ${exit.exitCode ?? exit.signal}): ${why} (see ${folder.log})`,
      context,
    );
  }
  // A header and no row (JMeter stopped before the first sample ended) is no samples, not an unreadable file.
  if (ctx.analysisError?.code === 'JTL_NO_SAMPLES') {
    return new RunError('RUN_NO_SAMPLES', `JMeter ended without recording a sample in ${folder.jtl} (see ${folder.log})`, context);
  }
  if (ctx.analysisError !== undefined) {
    return new RunError('RUN_JTL_UNREADABLE', `the results ${folder.jtl} cannot be analyzed: ${ctx.analysisError.message}`, {
      ...context,
      cause: ctx.analysisError.message,
    });
  }
  if (!analysis || analysis.samples === 0) {
    return new RunError('RUN_NO_SAMPLES', `JMeter ended without recording a sample in ${folder.jtl} (see ${folder.log})`, context);
  }
  if (ctx.gatewayVerdict !== undefined) {
    return new RunError(ctx.gatewayVerdict.code, `${ctx.gatewayVerdict.message} (results kept in ${folder.dir})`, context);
  }
  if (ctx.failedFast !== undefined) {
    return new RunError(
      'RUN_FAILED_FAST',
      `stopped early: ${ctx.failedFast}${analysis.topError ? ` (most often: ${analysis.topError})` : ''}; ` +
        'look at the gateway and jmeter.log, or turn the check off with --no-fail-fast',
      context,
    );
  }
  if (analysis.errors === analysis.samples) {
    const url = prepared.redactedProperties.get('GATEWAY_URL');
    return new RunError(
      'RUN_ALL_SAMPLES_FAILED',
      `all ${analysis.samples} samples failed${analysis.topError ? ` (${analysis.topError})` : ''}: ` +
        `is the target${url ? ` at ${url}` : ''} up and reachable?`,
      context,
    );
  }
  return undefined;
}

import { SlaFailed, ToolkitError } from '../errors.js';
import { failures, type Finding } from '../findings/finding.js';
import { findingsJson } from '../output/findings-json.js';
import type { AnalyzeJtl, LiveCheck, RunAnalysis } from '../runner/pipeline.js';
import type { RunRequest } from '../runner/types.js';
import { publishFindings } from './format/findings-outputs.js';

export interface RunSlaOptions {
  readonly sla?: string;
  readonly rule?: readonly string[];
  readonly abortOnFail?: boolean;
  readonly junit?: string;
}

/** Properties that change a plan's load: a run without a profile that sets none of them ran the production defaults. */
const LOAD_SHAPING = ['THREADS', 'TARGET_RPS', 'TIME_SCALE', 'DURATION', 'CONNECTIONS'];

export const runProfileOf = (request: RunRequest): string | undefined =>
  request.profile ?? (LOAD_SHAPING.some((p) => request.properties.has(p)) ? undefined : 'production');

/**
 * `jtl run --sla/--rule/--abort-on-fail`: the rules are loaded before JMeter starts (a bad rule is exit 2, nothing
 * run); the analyzer feeds the SLA cells; abortable rules are watched live on the growing JTL and a breach stops
 * the run through the runner's stop path. Undefined when no SLA was asked for.
 */
export async function prepareRunSla(plan: string, o: RunSlaOptions, request: RunRequest) {
  if (o.sla === undefined && (o.rule ?? []).length === 0) {
    if (o.abortOnFail) throw new ToolkitError('CLI_ABORT_WITHOUT_SLA', '--abort-on-fail needs rules: add --sla <profile|file> or --rule "… abort"', { option: '--abort-on-fail' });
    return undefined;
  }
  const [{ analyzeForSla, evaluateSla, loadRuleSet }, { LiveSlaWatcher }, { runAnalysisOf }] = await Promise.all([
    import('../sla/index.js'),
    import('../sla/live.js'),
    import('./format/run-analysis.js'),
  ]);
  const set = await loadRuleSet({ ...(o.sla !== undefined && { sla: o.sla }), rules: o.rule ?? [], plan });
  const watcher = o.abortOnFail ? new LiveSlaWatcher(set) : undefined;
  if (watcher && !watcher.hasRules) {
    throw new ToolkitError('CLI_NOTHING_TO_ABORT', `--abort-on-fail: no rule of ${set.name} is marked abortable; add "abort" to a rule, e.g. --rule "p95 < 500ms in every 10s after 10s abort"`, { option: '--abort-on-fail' });
  }
  const runProfile = runProfileOf(request);
  const title = `SLA (${set.name})`;
  const analyze: AnalyzeJtl = async (jtl): Promise<RunAnalysis> => {
    const { analysis: a, context } = await analyzeForSla({ files: [jtl] }, set);
    const breach = watcher?.breach;
    const findings: Finding[] = [...(breach ? [breach.finding] : []), ...evaluateSla(a, set, { ...context, ...(runProfile !== undefined && { runProfile }) })];
    return {
      ...runAnalysisOf(a),
      findings,
      slaJson: findingsJson(title, findings, {
        ...(runProfile !== undefined && { runProfile }),
        ...(breach && { abortedBy: { rule: breach.rule.text, scope: breach.finding.scope, reason: breach.reason } }),
      }),
    };
  };
  const liveChecks: readonly LiveCheck[] = watcher ? [() => watcher.breach?.reason] : [];
  return {
    /** Rows reach the JTL as samples end (autoflush), so the live check sees a breach within about a second. */
    adjust: (r: RunRequest): RunRequest =>
      o.abortOnFail && !r.properties.has('jmeter.save.saveservice.autoflush')
        ? { ...r, properties: new Map([...r.properties, ['jmeter.save.saveservice.autoflush', 'true']]) }
        : r,
    analyze,
    liveChecks,
    started: (jtl: string): void => watcher?.start(jtl),
    stop: async (): Promise<void> => watcher?.stop(),
    /** Prints and writes the verdicts; throws SlaFailed (exit 1) when one fails. */
    publish: async (findings: readonly Finding[] | undefined, json: boolean): Promise<void> => {
      if (findings === undefined) return;
      await publishFindings(title, findings, { ...(o.junit !== undefined && { junit: o.junit }), env: process.env, stdout: json ? process.stderr : process.stdout });
    },
    verdict: (findings: readonly Finding[] | undefined): void => {
      const failed = failures(findings ?? []);
      const breach = watcher?.breach;
      if (breach) throw new SlaFailed('SLA_ABORTED', `the run was stopped early: ${breach.reason}`, { rule: breach.rule.text });
      if (failed.length > 0) throw new SlaFailed('SLA_FAILED', `${failed.length} SLA rule${failed.length === 1 ? '' : 's'} failed: ${failed.map((f) => `${f.subject} [${f.scope}]`).slice(0, 3).join('; ')}${failed.length > 3 ? '; …' : ''}`, { failed: failed.length });
    },
  };
}

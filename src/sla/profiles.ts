import { ToolkitError } from '../errors.js';
import { parseRule } from './parse-rule.js';
import { DEFAULT_STREAMING_LABELS, type RuleSet } from './rule.js';

export type ProfileName = 'baseline' | 'load' | 'stress';
export const PROFILE_NAMES: readonly ProfileName[] = ['baseline', 'load', 'stress'];

/** The SLA table: [p50, p95, p99] ms, error %, throughput req/s (production profile). */
const TABLE: Readonly<Record<ProfileName, readonly [number, number, number, number, number]>> = {
  baseline: [100, 200, 300, 0.1, 1000],
  load: [150, 300, 500, 0.5, 4000],
  stress: [300, 500, 1000, 1, 10_000],
};

/**
 * A built-in profile. Latency rules hold for each label (a fast /health must not hide a slow tools/call);
 * streaming labels are judged on time to first event. Error rate holds for Total; throughput for Total, and
 * only on a run made with the production profile.
 */
export function builtInProfile(name: ProfileName): RuleSet {
  const [p50, p95, p99, errors, throughput] = TABLE[name];
  const rules = [
    `p50 < ${p50}ms for each label`,
    `p95 < ${p95}ms for each label`,
    `p99 < ${p99}ms for each label`,
    `errors < ${errors}% for Total`,
  ].map((text) => parseRule(text, `${name} profile`));
  const tp = parseRule(`throughput >= ${throughput}/s for Total`, `${name} profile`);
  return { name: `${name} profile`, rules: [...rules, { ...tp, productionOnly: true }], streamingLabels: DEFAULT_STREAMING_LABELS };
}

/** The table as the README shows it (one row per metric). */
export const PROFILE_TABLE = TABLE;

/** Baseline plans → baseline, load_test and soak_test → load, stress_test and spike_test → stress. */
export function profileForPlan(plan: string): ProfileName | undefined {
  const name = plan.replace(/\.jmx$/, '').replace(/^.*\//, '');
  if (name === 'load_test' || name === 'soak_test') return 'load';
  if (name === 'stress_test' || name === 'spike_test') return 'stress';
  if (name.endsWith('_baseline')) return 'baseline';
  return undefined;
}

export function profileFromPlanOrFail(plan: string | undefined): ProfileName {
  const profile = plan === undefined ? undefined : profileForPlan(plan);
  if (profile === undefined) {
    throw new ToolkitError(
      'SLA_NO_PROFILE_FOR_PLAN',
      plan === undefined
        ? '--sla auto: the plan that produced these results is unknown (gate a run folder, or name a profile: --sla baseline|load|stress)'
        : `--sla auto: plan "${plan}" has no built-in SLA profile; name one (--sla baseline|load|stress) or give a rules file`,
      { plan },
    );
  }
  return profile!;
}

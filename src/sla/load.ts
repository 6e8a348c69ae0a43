import { readFile } from 'node:fs/promises';

import { ToolkitError } from '../errors.js';
import { analyzeJtl, type Analysis, type AnalyzeOptions } from '../jtl/analyze.js';
import { DEFAULT_PERCENTILES } from '../stats/types.js';
import { percentilesFor, type SlaContext } from './evaluate.js';
import { SlaObserver } from './observer.js';
import { parseRule } from './parse-rule.js';
import { builtInProfile, PROFILE_NAMES, profileFromPlanOrFail, type ProfileName } from './profiles.js';
import { DEFAULT_STREAMING_LABELS, type RuleSet } from './rule.js';
import { parseRulesFile } from './rules-file.js';

export interface RuleSources {
  /** A profile name (baseline, load, stress), `auto` (from the plan), or a YAML/JSON rules file. */
  readonly sla?: string;
  /** One-liners (`--rule`), added to the profile or file. */
  readonly rules?: readonly string[];
  /** The plan that produced the results, for `auto`. */
  readonly plan?: string;
}

/** `--sla` and `--rule` → one rule set; every mistake is an SLA_ error naming the rule, file, line and field. */
export async function loadRuleSet(sources: RuleSources): Promise<RuleSet> {
  const extra = (sources.rules ?? []).map((text) => parseRule(text));
  if (sources.sla === undefined) {
    if (extra.length === 0) throw new ToolkitError('SLA_NO_RULES', 'no SLA given: pass --sla <baseline|load|stress|auto|file> and/or --rule "p95 < 300ms"');
    return { name: '--rule', rules: extra, streamingLabels: DEFAULT_STREAMING_LABELS };
  }
  const base = await baseSet(sources.sla, sources.plan);
  return extra.length === 0 ? base : { ...base, name: `${base.name} + --rule`, rules: [...base.rules, ...extra] };
}

async function baseSet(sla: string, plan: string | undefined): Promise<RuleSet> {
  if ((PROFILE_NAMES as readonly string[]).includes(sla)) return builtInProfile(sla as ProfileName);
  if (sla === 'auto') return builtInProfile(profileFromPlanOrFail(plan));
  let text: string;
  try {
    text = await readFile(sla, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ToolkitError(
      'SLA_UNKNOWN',
      code === 'ENOENT'
        ? `--sla "${sla}": neither a profile (baseline, load, stress, auto) nor an existing rules file`
        : `--sla "${sla}": cannot read the rules file (${code ?? (error as Error).message})`,
      { sla },
    );
  }
  return parseRulesFile(text, sla);
}

/** The analyzer with the SLA's cells fed alongside, in one pass over the files. */
export async function analyzeForSla(options: AnalyzeOptions, set: RuleSet): Promise<{ readonly analysis: Analysis; readonly context: Pick<SlaContext, 'detail'> }> {
  const observer = new SlaObserver(set, options.apdex);
  const analysis = await analyzeJtl({
    ...options,
    percentiles: percentilesFor(set, options.percentiles ?? DEFAULT_PERCENTILES),
    onSample: options.onSample === undefined ? observer.add : (s) => (observer.add(s), options.onSample!(s)),
  });
  return { analysis, context: { detail: observer.detail() } };
}

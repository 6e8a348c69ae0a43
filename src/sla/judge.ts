import type { Finding } from '../findings/finding.js';
import { evaluateSla } from './evaluate.js';
import { analyzeForSla, loadRuleSet } from './load.js';
import type { RuleSet } from './rule.js';
import { isDirectory, readRunFolder } from './run-folder.js';

export interface JudgeRequest {
  /** JTL files, or one run folder (its plan chooses `auto`, its summary tells the profile). */
  readonly inputs: readonly string[];
  /** A profile name, `auto`, or a rules file; default `auto` for a run folder. */
  readonly sla?: string;
  readonly rules?: readonly string[];
  /** The profile the JTL was made with when no run folder tells (ci or production). */
  readonly runProfile?: string;
  readonly onProgress?: (p: { readonly file: string; readonly samples: number }) => void;
}

export interface Judgement {
  readonly set: RuleSet;
  readonly findings: readonly Finding[];
  readonly runProfile?: string;
}

/** The SLA verdicts of JTL files or a run folder: rules resolved, one pass of the analyzer with the SLA's cells. */
export async function judgeInputs(r: JudgeRequest): Promise<Judgement> {
  const folder = r.inputs.length === 1 && (await isDirectory(r.inputs[0]!)) ? await readRunFolder(r.inputs[0]!) : undefined;
  const files = folder ? [folder.jtl] : r.inputs;
  const sla = r.sla ?? (folder ? 'auto' : undefined);
  const set = await loadRuleSet({
    ...(sla !== undefined && { sla }),
    rules: r.rules ?? [],
    ...(folder?.plan !== undefined && { plan: folder.plan }),
  });
  const { analysis, context } = await analyzeForSla({ files, ...(r.onProgress && { onProgress: r.onProgress }) }, set);
  const runProfile = r.runProfile ?? folder?.profile;
  const findings = evaluateSla(analysis, set, { ...context, ...(runProfile !== undefined && { runProfile }) });
  return { set, findings, ...(runProfile !== undefined && { runProfile }) };
}

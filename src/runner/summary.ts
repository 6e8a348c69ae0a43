import { readFile } from 'node:fs/promises';

import type { RateReport } from './rate-check.js';
import type { JmeterExit, JmeterInstall, ResolvedPlan, RunFolder } from './types.js';

/** summary.json: the analyzer's figures plus what is needed to reproduce and audit the run. */
export interface RunSummary {
  readonly plan: { readonly name: string; readonly source: string; readonly file: string };
  /** The properties profile of the run (ci, production); absent when none was given. */
  readonly profile?: string;
  readonly jmeter: { readonly version?: string; readonly bin: string; readonly foundVia: string };
  readonly startedAt: string;
  readonly endedAt: string;
  readonly durationMs: number;
  readonly exit: {
    readonly status: 'finished' | 'stopped' | 'failed';
    readonly exitCode?: number;
    readonly signal?: string;
    readonly stoppedWith?: string;
    readonly errors: readonly string[];
  };
  readonly remoteHosts: readonly string[];
  /** Effective properties, secrets redacted. */
  readonly properties: Readonly<Record<string, string>>;
  readonly files: { readonly jtl: string; readonly log: string; readonly properties: string };
  readonly analysis?: unknown;
  /** Plans with a schedule: planned vs achieved rate and duration per group or phase. */
  readonly rates?: RateReport;
  /** SLA verdicts of `jtl run --sla` (the findings JSON, see src/output/findings-json.ts). */
  readonly sla?: unknown;
  readonly warnings: readonly string[];
}

export interface SummaryInput {
  readonly plan: ResolvedPlan;
  readonly folder: RunFolder;
  readonly jmeter: JmeterInstall;
  readonly jmeterVersion?: string;
  readonly profile?: string;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly exit: JmeterExit;
  readonly remoteHosts: readonly string[];
  readonly redactedProperties: ReadonlyMap<string, string>;
  readonly analysis?: unknown;
  readonly rates?: RateReport;
  readonly sla?: unknown;
  readonly warnings: readonly string[];
}

export const exitStatusOf = (exit: JmeterExit): RunSummary['exit']['status'] =>
  exit.stoppedWith !== undefined ? 'stopped' : exit.exitCode === 0 && exit.errorLines.length === 0 ? 'finished' : 'failed';

/** Pure: builds the summary; file paths are relative to the run folder. */
export function buildRunSummary(s: SummaryInput): RunSummary {
  const rel = (path: string): string => path.slice(s.folder.dir.length + 1);
  return {
    plan: { name: s.plan.name, source: s.plan.path, file: rel(s.folder.planCopy) },
    ...(s.profile !== undefined && { profile: s.profile }),
    jmeter: { ...(s.jmeterVersion !== undefined && { version: s.jmeterVersion }), bin: s.jmeter.bin, foundVia: s.jmeter.source },
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt.toISOString(),
    durationMs: s.endedAt.getTime() - s.startedAt.getTime(),
    exit: {
      status: exitStatusOf(s.exit),
      ...(s.exit.exitCode !== undefined && { exitCode: s.exit.exitCode }),
      ...(s.exit.signal !== undefined && { signal: s.exit.signal }),
      ...(s.exit.stoppedWith !== undefined && { stoppedWith: s.exit.stoppedWith }),
      errors: s.exit.errorLines,
    },
    remoteHosts: s.remoteHosts,
    properties: Object.fromEntries(s.redactedProperties),
    files: { jtl: rel(s.folder.jtl), log: rel(s.folder.log), properties: rel(s.folder.properties) },
    ...(s.analysis !== undefined && { analysis: s.analysis }),
    ...(s.rates !== undefined && { rates: s.rates }),
    ...(s.sla !== undefined && { sla: s.sla }),
    warnings: s.warnings,
  };
}

/** The version JMeter logs at startup (`INFO o.a.j.JMeter: Version 5.6.3`); undefined if the log lacks it. */
export async function readJmeterVersion(logPath: string): Promise<string | undefined> {
  const text = await readFile(logPath, 'utf8').catch(() => '');
  return /o\.a\.j\.JMeter: Version (\S+)/.exec(text)?.[1];
}

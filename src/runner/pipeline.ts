import { writeFile } from 'node:fs/promises';

import type { RunError, ToolkitError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import type { GatewayVerdict } from './gateway-diagnosis.js';
import { formatProperties } from './properties.js';
import { prepareRun, type PrepareDeps, type PreparedRun } from './prepare.js';
import { createRunFolder } from './run-folder.js';
import { analyzeStep, executeStep, gatewayStep, latestStep, reportStep, summaryStep, verdictStep } from './steps.js';
import type { CpuTimeline } from './cpu-sampler.js';
import { ratesStep, type EachSample, type RateReport } from './rates-step.js';
import type { StopTimeouts } from './stop.js';
import type { RunSummary } from './summary.js';
import type { JmeterExit, ProgressState, RunEvent, RunFolder, RunRequest } from './types.js';

/** What the runner needs from the JTL analyzer (src/jtl), already reduced to what it shows and keeps. */
export interface RunAnalysis {
  readonly samples: number;
  readonly errors: number;
  /** The most frequent failure ("Non HTTP response code: java.net.ConnectException" …), for messages. */
  readonly topError?: string;
  /** What summary.json keeps under "analysis". */
  readonly json: unknown;
  /** The terminal summary the CLI prints. */
  readonly table: string;
  /** SLA verdicts (`jtl run --sla`), and what summary.json keeps of them under "sla". */
  readonly findings?: readonly Finding[];
  readonly slaJson?: unknown;
}

export type AnalyzeJtl = (jtlPath: string) => Promise<RunAnalysis>;

/** A live check sees every progress update; returning a reason stops the run gracefully (e.g. a breached SLA). */
export type LiveCheck = (progress: ProgressState) => string | undefined;

export interface RunDeps extends PrepareDeps {
  readonly analyze: AnalyzeJtl;
  /** Every sample of the JTL, for planned vs achieved rates (plans with a schedule); without it that check is skipped. */
  readonly eachSample?: EachSample;
  /** Writes the HTML report of a run folder (<folder>/report/index.html) and returns its path. */
  /** Writes the run's HTML report, with the SLA verdicts of the run when there are some; returns its path. */
  readonly writeReport?: (runFolder: string, findings?: readonly Finding[]) => Promise<string>;
  readonly now?: () => Date;
  /** Aborting it stops JMeter gracefully; the JTL is kept and analyzed. */
  readonly signal?: AbortSignal;
  /** Aborting it after `signal` (a second Ctrl-C) hurries the stop along. */
  readonly hurry?: AbortSignal;
  readonly stopTimeouts?: StopTimeouts;
  readonly liveChecks?: readonly LiveCheck[];
  readonly onEvent?: (event: RunEvent) => void;
  readonly onJmeterLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** The state the steps pass along; each step returns the fields it adds. */
export interface RunContext {
  readonly prepared: PreparedRun;
  readonly deps: RunDeps;
  readonly folder: RunFolder;
  readonly startedAt: Date;
  readonly warnings: readonly string[];
  readonly args?: readonly string[];
  readonly endedAt?: Date;
  readonly exit?: JmeterExit;
  readonly stopReason?: string;
  /** JMeter's and the machine's CPU during the run (local runs on Linux). */
  readonly cpu?: CpuTimeline;
  /** Plans with a schedule: planned vs achieved rate per group or phase. */
  readonly rates?: RateReport;
  /** Set when the first seconds measured nothing and the run was stopped early (see gateway-check.ts). */
  readonly failedFast?: string;
  /** Set when the results show the gateway could not be measured (dead URL, refused token, unknown server id…). */
  readonly gatewayVerdict?: GatewayVerdict;
  readonly analysis?: RunAnalysis;
  /** The analyzer refused the JTL (bad input: JTL_NO_SAMPLES, JTL_NOT_A_JTL …); its own bugs are thrown instead. */
  readonly analysisError?: ToolkitError;
  readonly jmeterVersion?: string;
  readonly summary?: RunSummary;
  /** The run's HTML report, when the report step wrote one. */
  readonly reportPath?: string;
  /** Set by the verdict step: the run did not produce a usable measurement (exit code 3). */
  readonly failure?: RunError;
}

export interface RunStep {
  readonly name: string;
  readonly run: (ctx: RunContext) => Promise<Partial<RunContext>>;
}

/** The run, step by step. SLA verdicts and the HTML report slot in after `analyze`. */
export const defaultRunSteps: readonly RunStep[] = [executeStep, analyzeStep, ratesStep, gatewayStep, summaryStep, reportStep, latestStep, verdictStep];

export type RunOutcome = RunContext & { readonly exit: JmeterExit; readonly summary: RunSummary };

/**
 * `jtl run`: prepare (usage errors, nothing written yet) → run folder → steps. Returns the outcome even
 * when the run failed (`failure` set) so the caller can still show the analysis before reporting it.
 */
export async function runPlan(
  request: RunRequest,
  deps: RunDeps,
  steps: readonly RunStep[] = defaultRunSteps,
): Promise<RunOutcome> {
  const prepared = await prepareRun(request, deps);
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const folder = await createRunFolder(request.outDir, prepared.plan.name, prepared.plan.path, startedAt);
  await writeFile(
    folder.properties,
    formatProperties(prepared.redactedProperties, `effective properties of this run (secrets redacted)`),
  );
  deps.onEvent?.({ kind: 'started', folder, jmeter: prepared.jmeter, plan: prepared.plan, ...(prepared.load && { load: prepared.load }) });
  let ctx: RunContext = { prepared, deps, folder, startedAt, warnings: [] };
  for (const step of steps) ctx = { ...ctx, ...(await step.run(ctx)) };
  if (!ctx.exit || !ctx.summary) {
    throw new Error('the run steps ended without running JMeter or writing summary.json');
  }
  return ctx as RunOutcome;
}

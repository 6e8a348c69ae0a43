import { stat, writeFile } from 'node:fs/promises';

import { ToolkitError } from '../errors.js';
import type { RunContext, RunStep } from './pipeline.js';
import { updateLatest } from './run-folder.js';
import { buildRunSummary, readJmeterVersion } from './summary.js';
import { gatewayContext } from './execute-step.js';
import { diagnoseTally, tallyJtl } from './gateway-check.js';
import { failureOf } from './verdict.js';

export { executeStep } from './execute-step.js';

/** Analyzes the JTL whenever JMeter wrote one, also after a crash or a stop: partial results are results. */
export const analyzeStep: RunStep = {
  name: 'analyze',
  run: async (ctx) => {
    const size = await stat(ctx.folder.jtl).then((s) => s.size, () => 0);
    const jmeterVersion = await readJmeterVersion(ctx.folder.log);
    const version = jmeterVersion === undefined ? {} : { jmeterVersion };
    if (size === 0) return version;
    try {
      const analysis = await ctx.deps.analyze(ctx.folder.jtl);
      const { samples, errors } = analysis;
      if (errors === 0 || errors === samples) return { ...version, analysis };
      const message = `${errors} of ${samples} samples failed (${((100 * errors) / samples).toFixed(2)}%)${analysis.topError ? `, most often: ${analysis.topError}` : ''}`;
      ctx.deps.onEvent?.({ kind: 'warning', message });
      return { ...version, analysis, warnings: [...ctx.warnings, message] };
    } catch (error) {
      // Bad input (a JtlError) is a finding about the run; anything else is a bug of ours and must surface (exit 4).
      if (!(error instanceof ToolkitError)) throw error;
      return { ...version, analysisError: error };
    }
  },
};

/** Mostly failed, or stopped early: read why the samples failed, to tell "nothing was measured" from a slow gateway. */
export const gatewayStep: RunStep = {
  name: 'gateway',
  run: async (ctx) => {
    const a = ctx.analysis;
    if (!a || a.samples === 0 || (ctx.failedFast === undefined && a.errors * 4 < a.samples)) return {};
    const verdict = await diagnoseTally(await tallyJtl(ctx.folder.jtl), gatewayContext(ctx.prepared.redactedProperties));
    if (verdict === undefined) return {};
    return { gatewayVerdict: verdict, warnings: [...ctx.warnings, `the run could not measure the gateway: ${verdict.message}`] };
  },
};

export const summaryStep: RunStep = {
  name: 'summary',
  run: async (ctx) => {
    const { prepared, folder, exit } = ctx;
    if (!exit) return {};
    const summary = buildRunSummary({
      plan: prepared.plan,
      folder,
      jmeter: prepared.jmeter,
      ...(ctx.jmeterVersion !== undefined && { jmeterVersion: ctx.jmeterVersion }),
      ...(prepared.request.profile !== undefined && { profile: prepared.request.profile }),
      startedAt: ctx.startedAt,
      endedAt: ctx.endedAt ?? ctx.startedAt,
      exit,
      remoteHosts: prepared.request.remoteHosts,
      redactedProperties: prepared.redactedProperties,
      ...(ctx.analysis !== undefined && { analysis: ctx.analysis.json }),
      ...(ctx.rates !== undefined && { rates: ctx.rates }),
      ...(ctx.analysis?.slaJson !== undefined && { sla: ctx.analysis.slaJson }),
      warnings: ctx.warnings,
    });
    await writeFile(folder.summary, JSON.stringify(summary, null, 2) + '\n');
    return { summary };
  },
};

/** The HTML report of the run (after summary.json, whose plan and properties it shows); a failure only warns. */
export const reportStep: RunStep = {
  name: 'report',
  run: async (ctx) => {
    if (ctx.deps.writeReport === undefined || ctx.analysis === undefined) return {};
    try {
      return { reportPath: await ctx.deps.writeReport(ctx.folder.dir, ctx.analysis.findings) };
    } catch (error) {
      const message = `the HTML report was not written: ${(error as Error).message}`;
      ctx.deps.onEvent?.({ kind: 'warning', message });
      return { warnings: [...ctx.warnings, message] };
    }
  },
};

export const latestStep: RunStep = {
  name: 'latest',
  run: async (ctx) => {
    await updateLatest(ctx.prepared.request.outDir, ctx.folder);
    return {};
  },
};

/** Decides whether the run produced a usable measurement (see verdict.ts); never throws itself. */
export const verdictStep: RunStep = {
  name: 'verdict',
  run: async (ctx: RunContext) => {
    const failure = failureOf(ctx);
    return failure === undefined ? {} : { failure };
  },
};

import { stat, writeFile } from 'node:fs/promises';

import type { RunContext, RunStep } from './pipeline.js';
import { updateLatest } from './run-folder.js';
import { buildRunSummary, readJmeterVersion } from './summary.js';
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
      return { ...version, analysisError: error as Error };
    }
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
      startedAt: ctx.startedAt,
      endedAt: ctx.endedAt ?? ctx.startedAt,
      exit,
      remoteHosts: prepared.request.remoteHosts,
      redactedProperties: prepared.redactedProperties,
      ...(ctx.analysis !== undefined && { analysis: ctx.analysis.json }),
      ...(ctx.rates !== undefined && { rates: ctx.rates }),
      warnings: ctx.warnings,
    });
    await writeFile(folder.summary, JSON.stringify(summary, null, 2) + '\n');
    return { summary };
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

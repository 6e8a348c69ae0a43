import { stat, writeFile } from 'node:fs/promises';

import { buildJmeterArgs, SERVER_ENGINE_LOGGER } from './args.js';
import type { RunContext, RunStep } from './pipeline.js';
import { advanceProgress, initialMonitorState, type MonitorConfig } from './progress-monitor.js';
import { updateLatest } from './run-folder.js';
import { redactText, scrubSecretsFromFile, withSecretPropertiesFile } from './secrets.js';
import { spawnJmeter } from './run.js';
import { buildRunSummary, readJmeterVersion } from './summary.js';
import { failureOf } from './verdict.js';

/** Starts JMeter with the secrets in a private -q file, feeds live progress, stops it on request. */
export const executeStep: RunStep = {
  name: 'execute',
  run: async (ctx) => {
    const { prepared, deps, folder } = ctx;
    const config: MonitorConfig = {
      ...(prepared.plannedS !== undefined && { plannedS: prepared.plannedS }),
      ...(prepared.targetRps !== undefined && { targetRps: prepared.targetRps }),
    };
    const internal = new AbortController();
    const signal = deps.signal ? AbortSignal.any([deps.signal, internal.signal]) : internal.signal;
    let monitor = initialMonitorState(config);
    let testStartedAt: number | undefined;
    let stopReason: string | undefined;
    const warnings: string[] = [];
    const warn = (message: string): void => {
      warnings.push(message);
      deps.onEvent?.({ kind: 'warning', message });
    };
    if (prepared.request.remoteHosts.length > 0 && prepared.secrets.size > 0) {
      warn(
        'remote engines log the properties they receive, the token included, unless jmeter-server runs with ' +
          `-L${SERVER_ENGINE_LOGGER}=WARN`,
      );
    }
    return withSecretPropertiesFile(prepared.secrets, async (secretFile) => {
      const args = buildJmeterArgs({
        // The original, not the copy: plans find their data files (data/*.csv) relative to their own folder.
        planPath: prepared.plan.path,
        jtlPath: folder.jtl,
        logPath: folder.log,
        propertyFiles: [prepared.profileFile, secretFile].filter((f): f is string => f !== undefined),
        properties: prepared.request.properties,
        remoteHosts: prepared.request.remoteHosts,
        progressIntervalS: prepared.request.progressIntervalS,
      });
      const exit = await spawnJmeter(prepared.jmeter.bin, args, {
        cwd: folder.dir,
        env: deps.env,
        signal,
        ...(deps.stopTimeouts !== undefined && { stopTimeouts: deps.stopTimeouts }),
        redact: (text) => redactText(text, prepared.secrets),
        onTestStarted: () => (testStartedAt = Date.now()),
        onSummary: (line) => {
          if (line.kind === 'total') return;
          const elapsedS = testStartedAt === undefined ? 0 : (Date.now() - testStartedAt) / 1000;
          const next = advanceProgress(monitor, line, elapsedS, config);
          monitor = next.state;
          deps.onEvent?.({ kind: 'progress', state: monitor.progress });
          next.warnings.forEach(warn);
          const reason = deps.liveChecks?.map((c) => c(monitor.progress)).find(Boolean);
          if (reason !== undefined && stopReason === undefined) {
            stopReason = reason;
            warn(`stopping the run: ${reason}`);
            internal.abort();
          }
        },
        onStopStep: (step) => deps.onEvent?.({ kind: 'stopping', step }),
        ...(deps.onJmeterLine !== undefined && { onLine: deps.onJmeterLine }),
      });
      await scrubSecretsFromFile(folder.log, prepared.secrets);
      const endedAt = (deps.now ?? (() => new Date()))();
      return { args, exit, endedAt, warnings: [...ctx.warnings, ...warnings], ...(stopReason !== undefined && { stopReason }) };
    });
  },
};

/** Analyzes the JTL whenever JMeter wrote one, also after a crash or a stop: partial results are results. */
export const analyzeStep: RunStep = {
  name: 'analyze',
  run: async (ctx) => {
    const size = await stat(ctx.folder.jtl).then((s) => s.size, () => 0);
    const jmeterVersion = await readJmeterVersion(ctx.folder.log);
    const version = jmeterVersion === undefined ? {} : { jmeterVersion };
    if (size === 0) return version;
    try {
      return { ...version, analysis: await ctx.deps.analyze(ctx.folder.jtl) };
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

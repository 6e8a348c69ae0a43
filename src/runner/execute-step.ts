import { buildJmeterArgs, SERVER_ENGINE_LOGGER } from './args.js';
import { sampleCpu } from './cpu-sampler.js';
import type { RunContext, RunStep } from './pipeline.js';
import { watchFirstSeconds } from './gateway-check.js';
import { advanceProgress, initialMonitorState, type MonitorConfig } from './progress-monitor.js';
import { spawnJmeter } from './run.js';
import { redactText, scrubSecretsFromFile, withSecretPropertiesFile } from './secrets.js';
import { withTrustStoreProperties } from './truststore.js';
import type { SummariserLine } from './types.js';

/** Starts JMeter with the secrets in a private -q file, feeds live progress, stops it on request. */
export const executeStep: RunStep = {
  name: 'execute',
  run: async (ctx) => {
    const { prepared, deps, folder } = ctx;
    const live = liveMonitor(ctx);
    if (prepared.request.remoteHosts.length > 0 && prepared.secrets.size > 0) {
      live.warn(
        'remote engines log the properties they receive, the token included, unless jmeter-server runs with ' +
          `-L${SERVER_ENGINE_LOGGER}=WARN`,
      );
    }
    let failedFast: string | undefined;
    let stopWatching = (): void => {};
    const onTestStarted = (): void => {
      live.testStarted();
      if (prepared.request.failFastS <= 0) return;
      stopWatching = watchFirstSeconds({
        jtlPath: folder.jtl,
        windowS: prepared.request.failFastS,
        context: gatewayContext(prepared.redactedProperties),
        progress: live.progress,
        onFail: (reason) => {
          failedFast ??= reason;
          live.stopNow(reason);
        },
      });
    };
    // What never shows in output or logs: the secrets, and the truststore's password.
    const hidden = new Map([...prepared.secrets, ...(prepared.trustStore?.password ? [['truststore', prepared.trustStore.password] as const] : [])]);
    const trust = <T>(use: (file: string | undefined) => Promise<T>): Promise<T> => withTrustStoreProperties(prepared.trustStore, deps.env, use);
    return withSecretPropertiesFile(prepared.secrets, (secretFile) => trust(async (systemFile) => {
      const args = buildJmeterArgs({
        // The original, not the copy: plans find their data files (data/*.csv) relative to their own folder.
        planPath: prepared.plan.path,
        jtlPath: folder.jtl,
        logPath: folder.log,
        propertyFiles: [prepared.profileFile, prepared.planProfileFile, secretFile].filter((f): f is string => f !== undefined),
        ...(systemFile !== undefined && { systemPropertyFiles: [systemFile] }),
        properties: prepared.request.properties,
        remoteHosts: prepared.request.remoteHosts,
        progressIntervalS: prepared.request.progressIntervalS,
      });
      let cpu: ReturnType<typeof sampleCpu> | undefined;
      const exit = await spawnJmeter(prepared.jmeter.bin, args, {
        cwd: folder.dir,
        env: deps.env,
        signal: deps.signal ? AbortSignal.any([deps.signal, live.signal]) : live.signal,
        ...(deps.stopTimeouts !== undefined && { stopTimeouts: deps.stopTimeouts }),
        ...(deps.hurry !== undefined && { hurry: deps.hurry }),
        redact: (text) => redactText(text, hidden),
        onTestStarted,
        // Remote engines burn their CPU elsewhere: only a local JMeter's CPU says anything about saturation.
        ...(prepared.request.remoteHosts.length === 0 && { onSpawned: (pid: number) => void (cpu = sampleCpu(pid)) }),
        onSummary: live.onSummary,
        onStopStep: (step) => deps.onEvent?.({ kind: 'stopping', step }),
        ...(deps.onJmeterLine !== undefined && { onLine: deps.onJmeterLine }),
      });
      stopWatching();
      const cpuTimeline = await cpu?.stop();
      await scrubSecretsFromFile(folder.log, hidden);
      const endedAt = (deps.now ?? (() => new Date()))();
      const stopReason = live.stopReason();
      return {
        args,
        exit,
        endedAt,
        warnings: [...ctx.warnings, ...live.warnings],
        ...(stopReason !== undefined && { stopReason }),
        ...(cpuTimeline !== undefined && { cpu: cpuTimeline }),
        ...(failedFast !== undefined && { failedFast }),
      };
    }));
  },
};

/** Progress and warnings from the summariser lines, and the live checks that may stop the run. */
function liveMonitor(ctx: RunContext) {
  const { prepared, deps } = ctx;
  const config: MonitorConfig = {
    ...(prepared.plannedS !== undefined && { plannedS: prepared.plannedS }),
    ...(prepared.targetRps !== undefined && { targetRps: prepared.targetRps }),
    ...(prepared.planned !== undefined && { planned: prepared.planned }),
  };
  const internal = new AbortController();
  const warnings: string[] = [];
  let monitor = initialMonitorState(config);
  let testStartedAt: number | undefined;
  let firstSampleAt: number | undefined;
  let stopReason: string | undefined;
  const warn = (message: string): void => {
    warnings.push(message);
    deps.onEvent?.({ kind: 'warning', message });
  };
  const onSummary = (line: SummariserLine): void => {
    if (line.kind === 'total') return;
    const now = Date.now();
    const elapsedS = testStartedAt === undefined ? 0 : (now - testStartedAt) / 1000;
    // The first interval line tells when the first sample came: the schedule's zero (JMeter spends a few
    // seconds on the plan's variables after its start line).
    firstSampleAt ??= now - line.elapsedS * 1000;
    const next = advanceProgress(monitor, line, elapsedS, config, (now - firstSampleAt) / 1000);
    monitor = next.state;
    deps.onEvent?.({ kind: 'progress', state: monitor.progress });
    next.warnings.forEach(warn);
    const reason = deps.liveChecks?.map((check) => check(monitor.progress)).find(Boolean);
    if (reason !== undefined && stopReason === undefined) {
      stopReason = reason;
      warn(`stopping the run: ${reason}`);
      internal.abort();
    }
  };
  return {
    signal: internal.signal,
    warnings,
    warn,
    onSummary,
    testStarted: (): void => void (testStartedAt = Date.now()),
    stopReason: () => stopReason,
    progress: () => monitor.progress,
    /** Stops the run gracefully (not a live check's verdict: the caller records why). */
    stopNow: (reason: string): void => {
      if (internal.signal.aborted) return;
      warn(`stopping the run: ${reason}`);
      internal.abort();
    },
  };
}

/** Where the run was aimed, for messages about the gateway (no secret in here). */
export const gatewayContext = (properties: ReadonlyMap<string, string>) => ({
  ...(properties.get('GATEWAY_URL') && { gatewayUrl: properties.get('GATEWAY_URL') }),
  ...(properties.get('SERVER_ID') && { serverId: properties.get('SERVER_ID') }),
});

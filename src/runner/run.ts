import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

import { execa } from 'execa';

import { isJmeterErrorLine, parseShutdownPort, parseSummariserLine } from './progress.js';
import { guardProcessGroup } from './process-guard.js';
import { SECRET_ENV_NAMES } from './secrets.js';
import { TRUSTSTORE_PASSWORD_ENV } from './truststore.js';
import { DEFAULT_STOP_TIMEOUTS, stopGracefully, type StopTimeouts } from './stop.js';
import type { JmeterExit, StopStep, SummariserLine } from './types.js';

const TAIL = 20;

export interface SpawnJmeterOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Aborting it stops JMeter gracefully (Ctrl-C, SIGTERM, later a breached SLA). */
  readonly signal?: AbortSignal;
  /** Aborting it (a second Ctrl-C) shortens the waits between the stop steps. */
  readonly hurry?: AbortSignal;
  readonly stopTimeouts?: StopTimeouts;
  /** Every stdout/stderr line, already redacted. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  readonly onSummary?: (line: SummariserLine) => void;
  readonly onTestStarted?: (udpPort: number) => void;
  readonly onStopStep?: (step: StopStep) => void;
  /** JMeter's process id, which is also its process group id. */
  readonly onSpawned?: (pid: number) => void;
  readonly redact?: (text: string) => string;
}

/** The only place that spawns JMeter. Never rejects for JMeter's own failures: they are in the result. */
export async function spawnJmeter(bin: string, args: readonly string[], o: SpawnJmeterOptions): Promise<JmeterExit> {
  const started = Date.now();
  const env = { ...(o.env ?? process.env) };
  // JMeter gets the secrets from the -q file, never from the environment.
  for (const name of [...SECRET_ENV_NAMES, TRUSTSTORE_PASSWORD_ENV]) delete env[name];
  // Own process group: a terminal's Ctrl-C reaches only us, and we stop JMeter gracefully (stop.ts).
  const child = execa(bin, args, { cwd: o.cwd, env, extendEnv: false, reject: false, buffer: false, stdin: 'ignore', detached: true });
  if (child.pid !== undefined) o.onSpawned?.(child.pid);
  const release = child.pid === undefined ? () => {} : guardProcessGroup(child.pid);
  let stopping: Promise<StopStep> | undefined;
  let stopSteps = 0;
  const stop = (): void => {
    stopping ??= stopGracefully(
      { udpPort: () => output.udpPort, kill: (s) => killGroup(child.pid, s, () => child.kill(s)), exited: child.then(() => undefined) },
      o.stopTimeouts ?? DEFAULT_STOP_TIMEOUTS,
      (step) => {
        stopSteps += 1;
        o.onStopStep?.(step);
      },
      o.hurry,
    );
  };
  // A failing line callback or output stream is our bug, not JMeter's: JMeter is stopped, then the error is thrown.
  let readError: { readonly error: unknown } | undefined;
  const guarded = (onLine: (line: string) => void) => (line: string): void => {
    if (readError !== undefined) return;
    try {
      onLine(line);
    } catch (error) {
      readError = { error };
      stop();
    }
  };
  const output = outputWatcher(o);
  const reading = Promise.all([
    readLines(child.stdout, guarded((line) => output.onLine(line, 'stdout'))),
    readLines(child.stderr, guarded((line) => output.onLine(line, 'stderr'))),
  ]).catch((error: unknown) => {
    readError ??= { error };
    stop();
  });
  if (o.signal?.aborted) stop();
  o.signal?.addEventListener('abort', stop, { once: true });
  let result: Awaited<typeof child>;
  try {
    result = await child;
    await reading;
    if (stopping !== undefined) await stopping;
  } finally {
    o.signal?.removeEventListener('abort', stop);
    release();
  }
  if (readError !== undefined) throw readError.error;
  const stoppedWith = stopping === undefined ? undefined : await stopping;
  const redact = o.redact ?? ((t: string) => t);
  return {
    ...(result.exitCode !== undefined && { exitCode: result.exitCode }),
    ...(result.signal !== undefined && { signal: result.signal }),
    durationMs: Date.now() - started,
    ...(stoppedWith !== undefined && { stoppedWith, stopTimedOut: stopSteps > 1 }),
    errorLines: output.errorLines,
    stdoutTail: output.tails.stdout,
    stderrTail: output.tails.stderr,
    ...(output.lastTotal !== undefined && { lastTotal: output.lastTotal }),
    ...(result.failed && result.exitCode === undefined && result.signal === undefined && {
      spawnError: redact(result.message ?? 'JMeter could not be started'),
    }),
  };
}

/** Reads JMeter's output as it comes: the stop port, summariser lines, fatal error lines, the last lines. */
function outputWatcher(o: SpawnJmeterOptions) {
  const state = {
    udpPort: undefined as number | undefined,
    lastTotal: undefined as SummariserLine | undefined,
    errorLines: [] as string[],
    tails: { stdout: [] as string[], stderr: [] as string[] },
    onLine: (raw: string, stream: 'stdout' | 'stderr'): void => {
      const line = o.redact ? o.redact(raw) : raw;
      const tail = state.tails[stream];
      tail.push(line);
      if (tail.length > TAIL) tail.shift();
      if (isJmeterErrorLine(line)) state.errorLines.push(line);
      const port = parseShutdownPort(line);
      if (port !== undefined) {
        state.udpPort = port;
        o.onTestStarted?.(port);
      }
      const summary = parseSummariserLine(line);
      if (summary?.kind === 'total') state.lastTotal = summary;
      if (summary) o.onSummary?.(summary);
      o.onLine?.(line, stream);
    },
  };
  return state;
}

/** The whole process group: an official `bin/jmeter` script runs java as a child instead of exec'ing it. */
function killGroup(pid: number | undefined, signal: NodeJS.Signals, fallback: () => void): void {
  try {
    if (pid === undefined) throw new Error('no pid');
    process.kill(-pid, signal);
  } catch {
    fallback();
  }
}

async function readLines(stream: Readable | null, onLine: (line: string) => void): Promise<void> {
  if (!stream) return;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) onLine(line);
}

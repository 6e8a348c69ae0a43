import { createSocket } from 'node:dgram';
import { setTimeout as sleep } from 'node:timers/promises';

import type { StopStep } from './types.js';

export interface StopTimeouts {
  /** Shutdown lets every thread finish its current sample. */
  readonly shutdownMs: number;
  /** StopTestNow interrupts the samplers. */
  readonly stopTestNowMs: number;
  /** SIGTERM runs the JVM shutdown hook, which still flushes and closes the JTL. */
  readonly sigtermMs: number;
}

export const DEFAULT_STOP_TIMEOUTS: StopTimeouts = { shutdownMs: 20_000, stopTestNowMs: 10_000, sigtermMs: 10_000 };

/** The running JMeter, as far as stopping it goes. */
export interface Stoppable {
  /** The port from JMeter's "Waiting for possible Shutdown…" line; undefined before the test started. */
  readonly udpPort: () => number | undefined;
  readonly kill: (signal: 'SIGTERM' | 'SIGKILL') => void;
  readonly exited: Promise<unknown>;
}

/** Sends one command datagram (exact ASCII bytes, no newline) to JMeter's loopback listener. */
export async function sendJmeterCommand(port: number, command: 'Shutdown' | 'StopTestNow'): Promise<void> {
  const socket = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.send(Buffer.from(command, 'ascii'), port, '127.0.0.1', (error) => (error ? reject(error) : resolve()));
    });
  } finally {
    socket.close();
  }
}

/**
 * Shutdown → StopTestNow → SIGTERM → SIGKILL, each after the previous one's timeout. The first two end
 * the test through JMeter's normal path (JTL closed, final summary printed). Returns the last step used.
 */
export async function stopGracefully(
  target: Stoppable,
  timeouts: StopTimeouts,
  onStep: (step: StopStep) => void = () => {},
  hurry?: AbortSignal,
): Promise<StopStep> {
  const port = target.udpPort();
  const steps: ReadonlyArray<readonly [StopStep, () => Promise<void>, number]> = [
    ...(port === undefined
      ? []
      : ([
          ['Shutdown', () => sendJmeterCommand(port, 'Shutdown'), timeouts.shutdownMs],
          ['StopTestNow', () => sendJmeterCommand(port, 'StopTestNow'), timeouts.stopTestNowMs],
        ] as const)),
    ['SIGTERM', async () => target.kill('SIGTERM'), timeouts.sigtermMs],
  ];
  for (const [step, act, waitMs] of steps) {
    onStep(step);
    await act().catch(() => undefined);
    if (await exitsWithin(target.exited, waitMs, hurry)) return step;
  }
  onStep('SIGKILL');
  target.kill('SIGKILL');
  await target.exited;
  return 'SIGKILL';
}

/** After a second Ctrl-C (`hurry`), the current wait ends and every later step gets this long. */
const HURRIED_WAIT_MS = 2_000;

/** Waits up to `ms` for the exit, or less once `hurry` is aborted. */
async function exitsWithin(exited: Promise<unknown>, ms: number, hurry?: AbortSignal): Promise<boolean> {
  if (hurry?.aborted) ms = Math.min(ms, HURRIED_WAIT_MS);
  const ac = new AbortController();
  const onHurry = (): void => ac.abort();
  hurry?.addEventListener('abort', onHurry, { once: true });
  const result = await Promise.race([
    exited.then(
      () => true,
      () => true,
    ),
    sleep(ms, false, { signal: ac.signal }).catch(() => false),
  ]);
  ac.abort();
  hurry?.removeEventListener('abort', onHurry);
  return result;
}

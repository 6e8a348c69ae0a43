import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { stopGracefully, type Stoppable } from '../../src/runner/stop.js';
import type { StopStep } from '../../src/runner/types.js';

/** A stand-in for JMeter's UDP listener: records the datagrams and can exit on a chosen command or signal. */
async function fakeJmeter(exitOn: string | undefined) {
  const datagrams: string[] = [];
  const signals: string[] = [];
  let exit!: () => void;
  const exited = new Promise<void>((resolve) => (exit = resolve));
  const socket: Socket = createSocket('udp4');
  socket.on('message', (msg) => {
    datagrams.push(msg.toString('latin1'));
    if (msg.toString('latin1') === exitOn) exit();
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = (socket.address() as AddressInfo).port;
  const target: Stoppable = {
    udpPort: () => port,
    kill: (signal) => {
      signals.push(signal);
      if (signal === exitOn || signal === 'SIGKILL') exit();
    },
    exited,
  };
  sockets.push(socket);
  return { target, datagrams, signals };
}
const sockets: Socket[] = [];
afterEach(() => sockets.splice(0).forEach((s) => s.close()));
const fast = { shutdownMs: 300, stopTestNowMs: 300, sigtermMs: 300 };

describe('stopGracefully', () => {
  it('sends the exact bytes "Shutdown" (no newline) and stops there when JMeter ends', async () => {
    const { target, datagrams, signals } = await fakeJmeter('Shutdown');
    const steps: StopStep[] = [];
    expect(await stopGracefully(target, fast, (s) => steps.push(s))).toBe('Shutdown');
    expect(datagrams).toEqual(['Shutdown']);
    expect(steps).toEqual(['Shutdown']);
    expect(signals).toEqual([]);
  });

  it('escalates Shutdown → StopTestNow → SIGTERM → SIGKILL, each after its timeout', async () => {
    const { target, datagrams, signals } = await fakeJmeter(undefined);
    const steps: StopStep[] = [];
    const started = Date.now();
    expect(await stopGracefully(target, fast, (s) => steps.push(s))).toBe('SIGKILL');
    expect(steps).toEqual(['Shutdown', 'StopTestNow', 'SIGTERM', 'SIGKILL']);
    expect(datagrams).toEqual(['Shutdown', 'StopTestNow']);
    expect(signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
  });

  it('goes straight to SIGTERM before the test has started (no UDP port yet)', async () => {
    const { target, datagrams } = await fakeJmeter('SIGTERM');
    const noPort: Stoppable = { ...target, udpPort: () => undefined };
    expect(await stopGracefully(noPort, fast)).toBe('SIGTERM');
    expect(datagrams).toEqual([]);
  });

  it('a second Ctrl-C (hurry) cuts the long waits short', async () => {
    const { target } = await fakeJmeter('SIGTERM');
    const hurry = new AbortController();
    const slow = { shutdownMs: 60_000, stopTestNowMs: 60_000, sigtermMs: 60_000 };
    const started = Date.now();
    setTimeout(() => hurry.abort(), 100);
    expect(await stopGracefully(target, slow, () => {}, hurry.signal)).toBe('SIGTERM');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

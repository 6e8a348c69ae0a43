import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { execa, type ResultPromise } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { resolveJmeter } from '../../src/runner/resolve-jmeter.js';
import { healthPlan, repo, runJtl, scratchDir, SMALL_HEAP } from './helpers.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { commandLinesContaining } from './proc.js';

/**
 * Whatever ends the runner, JMeter — in a process group of its own, out of reach of the terminal's signals — must
 * not keep running. Each case kills a runner while the real JMeter runs, then looks for JMeter processes by the
 * case's own folder in their command line.
 */
const scratch = scratchDir('orphans');
let target: LoopbackServer;
beforeAll(async () => {
  target = await startLoopbackServer();
});
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

const pidsOf = (marker: string): number[] => commandLinesContaining(marker).map((line) => Number(line.split(':')[0]));
// A failed assertion must not leave the runner or JMeter behind either.
const started: Array<{ marker: string; child: ResultPromise }> = [];
afterEach(async () => {
  for (const { marker, child } of started.splice(0)) {
    child.kill('SIGKILL');
    for (const pid of pidsOf(marker)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    await child.catch(() => undefined);
  }
});

async function untilOutput(child: ResultPromise, text: string, timeoutMs = 90_000): Promise<void> {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void child.then(() => reject(new Error(`ended before "${text}":\n${seen}`)));
  });
}

/** JMeter ended: no process holds the case's folder in its command line (the JVM may take a moment after SIGTERM). */
async function expectNoJmeterLeft(marker: string): Promise<void> {
  await expect.poll(() => commandLinesContaining(marker), { timeout: 30_000, interval: 250 }).toEqual([]);
}

function caseFolder(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function crashingRunner(mode: 'callback' | 'timer' | 'signal', out: string): ResultPromise {
  const child = execa(
    process.execPath,
    ['--import', 'tsx', join(repo, 'test/fixtures/runner/crashing-runner.ts'), mode, resolveJmeter().bin, healthPlan, out, target.url],
    { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP, ...(process.env.JMETER_HOME && { JMETER_HOME: process.env.JMETER_HOME }) }, extendEnv: false, reject: false, buffer: false, stdin: 'ignore' },
  );
  started.push({ marker: out, child });
  return child;
}

describe('no JMeter outlives the runner', () => {
  it('a line callback that throws: spawnJmeter stops JMeter, then rejects with the error', async () => {
    const out = caseFolder('callback');
    const child = crashingRunner('callback', out);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const r = await child;
    expect(r.exitCode, stderr).toBe(1);
    expect(stderr).toContain('a bug in a line callback');
    // The error came out after JMeter had stopped: nothing to wait for.
    expect(commandLinesContaining(out)).toEqual([]);
  });

  it('an uncaught exception elsewhere ends the runner; its exit takes JMeter down', async () => {
    const out = caseFolder('timer');
    const child = crashingRunner('timer', out);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const r = await child;
    expect(r.exitCode, stderr).toBe(1);
    expect(stderr).toContain('an unrelated bug');
    await expectNoJmeterLeft(out);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('%s to a runner that handles no signal: JMeter is stopped, the runner ends by the signal', async (signal) => {
    const out = caseFolder(`bare-${signal}`);
    const child = crashingRunner('signal', out);
    await untilOutput(child, 'jmeter test started');
    expect(pidsOf(out).length).toBeGreaterThan(0);
    child.kill(signal);
    const r = await child;
    expect(r.signal).toBe(signal);
    await expectNoJmeterLeft(out);
  });

  // SIGHUP is what a closed terminal sends.
  it.each(['SIGTERM', 'SIGHUP'] as const)('jtl run gets %s mid-run: JMeter is stopped gracefully, exit 0', async (signal) => {
    const out = caseFolder(`cli-${signal}`);
    const env = { PATH: process.env.PATH, ...(process.env.JMETER_HOME && { JMETER_HOME: process.env.JMETER_HOME }) };
    const child = runJtl(['run', healthPlan, '--out', out, '--gateway-url', target.url, '--duration', '120', '--threads', '1', '--verbose'], env);
    started.push({ marker: out, child: child as unknown as ResultPromise });
    await untilOutput(child as unknown as ResultPromise, 'Waiting for possible Shutdown');
    const before = target.requests;
    await expect.poll(() => target.requests - before, { timeout: 30_000 }).toBeGreaterThan(5);
    expect(pidsOf(out).length).toBeGreaterThan(0);
    child.kill(signal);
    const r = await child;
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('stopping JMeter: Shutdown');
    await expectNoJmeterLeft(out);
  });
});

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { spawnJmeter } from '../../src/runner/run.js';
import { failureOf } from '../../src/runner/verdict.js';
import type { RunContext } from '../../src/runner/pipeline.js';

/** `timedOut` says whether JMeter had to be killed because it did not end within a stop step's timeout. */
const scratch = mkdtempSync(join(tmpdir(), 'jtl-test-stop-timeout-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `#!/usr/bin/env bash\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
// No UDP port is announced, so the stop starts with SIGTERM.
const obeysSigterm = script('obeys', 'echo started; while true; do sleep 0.1; done');
const ignoresSigterm = script('ignores', "trap '' TERM; echo started; while true; do sleep 0.1; done");
const fast = { shutdownMs: 300, stopTestNowMs: 300, sigtermMs: 300 };

async function stopOnceStarted(bin: string) {
  const stop = new AbortController();
  return spawnJmeter(bin, [], { cwd: scratch, signal: stop.signal, stopTimeouts: fast, onLine: (line) => line === 'started' && stop.abort() });
}

const contextWith = (exit: Awaited<ReturnType<typeof spawnJmeter>>) =>
  ({
    exit,
    folder: { dir: scratch, jtl: join(scratch, 'results.jtl'), log: join(scratch, 'jmeter.log') },
    prepared: { jmeter: { bin: 'jmeter' }, redactedProperties: new Map() },
  }) as unknown as RunContext;

describe('a stop that times out is reported as one', () => {
  it('JMeter ends on SIGTERM (the first step): stopped, not timed out', async () => {
    const exit = await stopOnceStarted(obeysSigterm);
    expect(exit).toMatchObject({ stoppedWith: 'SIGTERM', stopTimedOut: false, signal: 'SIGTERM' });
    expect(failureOf(contextWith(exit))?.context).toMatchObject({ timedOut: false });
  });

  it('JMeter ignores SIGTERM: SIGKILL after the timeout, timedOut true in the failure', async () => {
    const exit = await stopOnceStarted(ignoresSigterm);
    expect(exit).toMatchObject({ stoppedWith: 'SIGKILL', stopTimedOut: true, signal: 'SIGKILL' });
    const failure = failureOf(contextWith(exit));
    expect(failure?.code).toBe('RUN_NO_SAMPLES');
    expect(failure?.context).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
  });
});

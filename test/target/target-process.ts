import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';

import { repo } from '../runner/helpers.js';

/** `jtl target` from the sources in a process of its own: a crash of the target is an exit, not a failed test worker. */
export interface TargetProcess {
  readonly pid: number;
  readonly url: string;
  readonly port: number;
  readonly serverId: string;
  readonly token: string;
  /** What it printed on start. */
  readonly banner: string;
  exited(): boolean;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startJtlTarget(extraArgs: readonly string[] = []): Promise<TargetProcess> {
  const token = 'fuzz-token-0123456789';
  // The target's own scratch files (written secrets) land here and go with it.
  const tmp = mkdtempSync(join(tmpdir(), 'jtl-test-target-'));
  const child = execa(
    process.execPath,
    ['--import', 'tsx', join(repo, 'test/fixtures/runner/jtl-entry.ts'), 'target', '--port', '0', '--fast-time-port', '0', '--fast-test-port', '0', ...extraArgs],
    { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmp, JMETER_TOKEN: token, JMETER_ADMIN_PASSWORD: 'fuzz-admin-pass' }, extendEnv: false, reject: false, buffer: false, stdin: 'ignore' },
  );
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  void child.then(() => (exited = true));
  const stop = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await child;
      clearTimeout(timer);
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const ready = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`jtl target did not start in 30 s:\n${stdout}${stderr}`)), 30_000);
      child.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('Ctrl-C stops it.')) {
          clearTimeout(timer);
          resolve(stdout);
        }
      });
      void child.then(() => reject(new Error(`jtl target exited before it was ready:\n${stdout}${stderr}`)));
    });
    const url = /^gateway\s+(\S+)/m.exec(ready)![1]!;
    return {
      pid: child.pid!,
      url,
      port: Number(new URL(url).port),
      serverId: /^server id\s+(\S+)/m.exec(ready)![1]!,
      token,
      banner: ready,
      exited: () => exited,
      stderr: () => stderr,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

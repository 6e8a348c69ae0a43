import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa, type ResultPromise } from 'execa';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fakeBin = join(repo, 'test/fixtures/bin');
export const healthPlan = join(repo, 'test/fixtures/runner/health.jmx');
const entry = join(repo, 'test/fixtures/runner/jtl-entry.ts');

export const scratchDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `jtl-runner-${prefix}-`));

/** Small JVMs: several JMeters share two cores and the other helpers' runs. */
export const SMALL_HEAP = '-Xms64m -Xmx256m';

/** Runs the `jtl` CLI from the sources, with exactly the environment given (plus a JMeter heap limit). */
export function runJtl(args: readonly string[], env: Record<string, string | undefined>): ResultPromise<{ reject: false; all: true }> {
  return execa(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repo,
    env: { HOME: process.env.HOME, HEAP: SMALL_HEAP, ...env },
    extendEnv: false,
    reject: false,
    all: true,
  }) as ResultPromise<{ reject: false; all: true }>;
}

import { join } from 'node:path';

import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const fixture = join(repo, 'test/fixtures/skips');

/** Runs vitest on a fixture with one passing test and one that skips itself, with the skips reporter. */
const vitest = (env: Record<string, string>) =>
  execa(process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--root', fixture, '--config', join(fixture, 'vitest.config.ts')], {
    cwd: fixture,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    extendEnv: false,
    reject: false,
  });
const LINE = 'skipped: skipping.fixture.ts > needs a tool this machine lacks: frobnicate is not installed (apt-get install frobnicate)';

describe('a skipped test says why, and fails CI', () => {
  it('outside CI: the skip and its reason are printed, the run passes', async () => {
    const r = await vitest({});
    expect(r.stderr.split('\n')).toContain(LINE);
    expect(r.exitCode).toBe(0);
  });

  it('on CI (CI=true): the same line, and the run fails', async () => {
    const r = await vitest({ CI: 'true' });
    expect(r.stderr.split('\n')).toContain(LINE);
    expect(r.stderr).toContain('1 test(s) skipped on CI, where every test must run');
    expect(r.exitCode).toBe(1);
  });

  it('on CI with JTL_ALLOW_SKIPS=1: said, accepted', async () => {
    const r = await vitest({ CI: 'true', JTL_ALLOW_SKIPS: '1' });
    expect(r.stderr.split('\n')).toContain(LINE);
    expect(r.exitCode).toBe(0);
  });
});

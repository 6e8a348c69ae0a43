import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { RunError } from '../../src/errors.js';
import { resolveJmeter } from '../../src/runner/resolve-jmeter.js';
import { scratchDir } from './helpers.js';

const scratch = scratchDir('resolve');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeHome(dir: string): string {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'jmeter'), '#!/bin/sh\n');
  chmodSync(join(dir, 'bin', 'jmeter'), 0o755);
  return dir;
}
const envHome = fakeHome(join(scratch, 'env-home'));
const jmeterDir = join(scratch, 'dot-jmeter');
const bundled = fakeHome(join(jmeterDir, 'apache-jmeter-5.6.3'));
const pathDir = join(fakeHome(join(scratch, 'path-home')), 'bin');

describe('resolveJmeter: JMETER_HOME, then .jmeter/apache-jmeter-5.6.3, then PATH', () => {
  it('prefers JMETER_HOME', () => {
    expect(resolveJmeter({ env: { JMETER_HOME: envHome, PATH: pathDir }, jmeterDir })).toEqual({
      bin: join(envHome, 'bin/jmeter'), home: envHome, source: 'JMETER_HOME',
    });
  });
  it('then the repo install', () => {
    expect(resolveJmeter({ env: { PATH: pathDir }, jmeterDir })).toMatchObject({ home: bundled, source: '.jmeter' });
  });
  it('honours JMETER_DIR like make and jmeter-check.sh do', () => {
    expect(resolveJmeter({ env: { PATH: pathDir, JMETER_DIR: jmeterDir } })).toMatchObject({ home: bundled, source: '.jmeter' });
  });
  it('then `jmeter` on PATH', () => {
    expect(resolveJmeter({ env: { PATH: `/nonexistent:${pathDir}` }, jmeterDir: join(scratch, 'none') })).toEqual({
      bin: join(pathDir, 'jmeter'), source: 'PATH',
    });
  });
  it('else a RunError that says how to install it', () => {
    let error: unknown;
    try {
      resolveJmeter({ env: { PATH: '/nonexistent' }, jmeterDir: join(scratch, 'none') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunError);
    expect((error as RunError).code).toBe('RUN_JMETER_NOT_FOUND');
    expect((error as RunError).message).toContain('make jmeter-install');
  });
});

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { RunError } from '../../src/errors.js';
import { spawnJmeter } from '../../src/runner/run.js';
import { readSecrets, REDACTED, scrubSecretsFromFile, SECRET_ENV_NAMES } from '../../src/runner/secrets.js';

const scratch = mkdtempSync(join(tmpdir(), 'jtl-test-secrets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const SECRETS = new Map([['TOKEN', 'tok-3e8a1f0c9b']]);

describe('one list of secret environment variables', () => {
  it('names exactly the variables readSecrets takes secrets from', async () => {
    expect([...SECRET_ENV_NAMES].sort()).toEqual(['JMETER_ADMIN_PASSWORD', 'JMETER_TOKEN', 'MCPGATEWAY_BEARER_TOKEN']);
    for (const name of SECRET_ENV_NAMES) expect((await readSecrets({ [name]: 'value-1234' })).size, name).toBe(1);
    expect((await readSecrets({ OTHER_TOKEN: 'value-1234' })).size).toBe(0);
  });

  it('none of them reaches JMeter\'s environment', async () => {
    const bin = join(scratch, 'print-env');
    writeFileSync(bin, '#!/usr/bin/env bash\nenv\n');
    chmodSync(bin, 0o755);
    const lines: string[] = [];
    const env = { PATH: process.env.PATH, KEEP_ME: 'yes', ...Object.fromEntries(SECRET_ENV_NAMES.map((n) => [n, `secret-of-${n}`])) };
    const exit = await spawnJmeter(bin, [], { cwd: scratch, env, onLine: (line) => lines.push(line) });
    expect(exit.exitCode).toBe(0);
    expect(lines).toContain('KEEP_ME=yes');
    expect(lines.filter((l) => l.includes('secret-of-'))).toEqual([]);
  });
});

describe('the private properties file of the secrets', () => {
  it('is removed also when the process dies while JMeter runs (an uncaught exception)', async () => {
    const entry = join(import.meta.dirname, '../../src/runner/secrets.ts');
    const script = `import { withSecretPropertiesFile } from ${JSON.stringify(entry)};
      await withSecretPropertiesFile(new Map([['TOKEN', 'tok-3e8a1f0c9b']]), async (file) => {
        console.log(file);
        setTimeout(() => { throw new Error('a bug while JMeter runs'); }, 10);
        await new Promise((resolve) => setTimeout(resolve, 60_000));
      });`;
    const r = await execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { reject: false, env: { ...process.env, TMPDIR: scratch } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('a bug while JMeter runs');
    const file = r.stdout.trim();
    expect(file.startsWith(join(scratch, 'jtl-secret-'))).toBe(true);
    expect(existsSync(dirname(file))).toBe(false);
  });
});

describe('the jmeter.log scrubber', () => {
  it('replaces a secret that reached the log', async () => {
    const log = join(scratch, 'jmeter.log');
    writeFileSync(log, 'INFO header Authorization: Bearer tok-3e8a1f0c9b\n');
    expect(await scrubSecretsFromFile(log, SECRETS)).toBe(true);
    expect(readFileSync(log, 'utf8')).toBe(`INFO header Authorization: Bearer ${REDACTED}\n`);
  });

  it('no log (JMeter never started): nothing to scrub', async () => {
    expect(await scrubSecretsFromFile(join(scratch, 'none.log'), SECRETS)).toBe(false);
  });

  it('a log that cannot be read fails loudly (RUN_LOG_NOT_SCRUBBED), it is not skipped', async () => {
    const log = join(scratch, 'a-directory.log');
    mkdirSync(log);
    const error = await scrubSecretsFromFile(log, SECRETS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunError);
    expect(error).toMatchObject({
      code: 'RUN_LOG_NOT_SCRUBBED',
      message: `${log}: cannot read it to remove the secrets from it (EISDIR); it may hold the token: check it before sharing the run folder`,
    });
  });
});

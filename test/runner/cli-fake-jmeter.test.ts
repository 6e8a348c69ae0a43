import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { fakeBin, healthPlan, repo, runJtl, scratchDir } from './helpers.js';
import { killProcessesMentioning } from './proc.js';

const scratch = scratchDir('fake');
afterEach(() => void killProcessesMentioning(scratch));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const TOKEN = 'fake-token-7c1e9d2b';

/** The fake `jmeter` first on PATH, and no real JMeter to find before it. */
const fakeEnv = (extra: Record<string, string> = {}) => ({
  PATH: `${fakeBin}:/usr/bin:/bin`,
  JMETER_DIR: join(scratch, 'no-jmeter-here'),
  ...extra,
});

describe('jtl run with a fake jmeter on PATH', () => {
  it('missing JMeter: exit 3, says how to install it, creates no run folder', async () => {
    const out = join(scratch, 'missing');
    const r = await runJtl(['run', healthPlan, '--out', out], { PATH: '/usr/bin:/bin', JMETER_DIR: join(scratch, 'none') });
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/^jtl: error RUN_JMETER_NOT_FOUND JMeter was not found .*make jmeter-install/m);
    expect(r.stderr).not.toMatch(/ at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('JMETER_HOME that is not a JMeter home: exit 3, names it', async () => {
    const r = await runJtl(['run', healthPlan, '--out', join(scratch, 'bad-home')], fakeEnv({ JMETER_HOME: scratch }));
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain(`RUN_JMETER_NOT_FOUND JMETER_HOME=${scratch} has no executable bin/jmeter`);
  });

  it('JMeter crash: exit 3 with JMeter\'s own error line; the run folder records the failure', async () => {
    const out = join(scratch, 'crash');
    const r = await runJtl(['run', healthPlan, '--out', out], fakeEnv({ FAKE_JMETER: 'crash' }));
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/jtl: error RUN_JMETER_FAILED JMeter failed \(exit code 1\): An error occurred: .*CannotResolveClassException: kg\.apc\.Foo/);
    const summary = JSON.parse(readFileSync(join(out, 'latest', 'summary.json'), 'utf8'));
    expect(summary.exit).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(summary.analysis).toBeUndefined();
  });

  it('a JTL with its header and no row: exit 3 RUN_NO_SAMPLES (not "unreadable")', async () => {
    const out = join(scratch, 'header-only');
    const r = await runJtl(['run', healthPlan, '--out', out], fakeEnv({ FAKE_JMETER: 'header-only' }));
    expect(r.exitCode).toBe(3);
    const folder = join(out, readlinkSync(join(out, 'latest')));
    expect(r.stderr.split('\n').at(-1)).toBe(`jtl: error RUN_NO_SAMPLES JMeter ended without recording a sample in ${join(folder, 'results.jtl')} (see ${join(folder, 'jmeter.log')})`);
  });

  it.each([
    [['run', healthPlan, '--threads', 'ten'], /CLI_BAD_NUMBER --threads "ten"/],
    [['run', healthPlan, '--no-such-option'], /unknown option '--no-such-option'/],
    [['run', 'no_such_plan'], /CLI_UNKNOWN_PLAN unknown plan "no_such_plan"/],
    [['run', 'missing/plan.jmx'], /CLI_PLAN_NOT_FOUND plan file missing\/plan.jmx does not exist/],
    [['run', healthPlan, '-J', 'TOKEN=x'], /CLI_SECRET_ON_COMMAND_LINE/],
    [['run', healthPlan, '--token-file', '/nonexistent/token'], /CLI_TOKEN_FILE --token-file \/nonexistent\/token: cannot read it/],
    [['run', healthPlan, '--profile', 'staging'], /CLI_BAD_PROFILE --profile "staging": expected one of ci, production/],
    [['run', 'mcp_jsonrpc_baseline', '--gateway-url', 'http://127.0.0.1:9'],
      /CLI_MISSING_PROPERTY plan mcp_jsonrpc_baseline needs TOKEN, SERVER_ID: set JMETER_TOKEN .*; pass --server-id ID/],
  ])('bad usage %j: exit 2 and one clear line', async (args, message) => {
    const r = await runJtl(args, fakeEnv());
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a finished run: exit 0, run folder, latest link, analysis printed; the token only in a 0600 -q file', async () => {
    const out = join(scratch, 'ok');
    const record = join(scratch, 'argv.txt');
    const r = await runJtl(
      ['run', healthPlan, '--out', out, '--gateway-url', 'http://127.0.0.1:9', '-J', 'THREADS=1'],
      fakeEnv({ FAKE_JMETER_RECORD: record, JMETER_TOKEN: TOKEN }),
    );
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/^Total +3 +1 +33\.33% /m);
    expect(r.stdout).toMatch(/^GET \/tools +1 +1 +100\.00% /m);
    expect(r.stderr).toContain('warning: 1 of 3 samples failed (33.33%), most often: 500/Internal Server Error');
    const argv = readFileSync(record, 'utf8').split('\n');
    expect(argv.join(' ')).not.toContain(TOKEN);
    expect(argv).toContain('-JGATEWAY_URL=http://127.0.0.1:9');
    expect(readFileSync(`${record}.q`, 'utf8')).toBe(`qfile-mode 600 TOKEN=${TOKEN} \n`);
    const secretFile = argv[argv.indexOf('-q') + 1] ?? '';
    expect(secretFile).toMatch(/jtl-secret-.*secret\.properties$/);
    expect(existsSync(secretFile)).toBe(false);
    const folder = join(out, readlinkSync(join(out, 'latest')));
    expect(lstatSync(join(out, 'latest')).isSymbolicLink()).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['health.jmx', 'jmeter.log', 'report', 'results.jtl', 'run.properties', 'summary.json']);
    expect(r.stderr).toContain(`report: ${join(folder, 'report', 'index.html')}`);
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      plan: { name: 'health', file: 'health.jmx' },
      jmeter: { version: '5.6.3-fake', foundVia: 'PATH' },
      exit: { status: 'finished', exitCode: 0, errors: [] },
      properties: { GATEWAY_URL: 'http://127.0.0.1:9', THREADS: '1', TOKEN: '<redacted>' },
      analysis: { samples: 3, errors: 1, statistics: { Total: { sampleCount: 3, errorCount: 1 } } },
    });
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f !== 'report')) {
      expect(readFileSync(join(folder, file), 'utf8'), file).not.toContain(TOKEN);
    }
  });

  it('--profile ci loads properties/ci.properties with -q, before the secret file, and records it', async () => {
    const out = join(scratch, 'profile');
    const record = join(scratch, 'argv-profile.txt');
    const r = await runJtl(['run', healthPlan, '--out', out, '--profile', 'ci'], fakeEnv({ FAKE_JMETER_RECORD: record, JMETER_TOKEN: TOKEN }));
    expect(r.exitCode, r.all).toBe(0);
    const argv = readFileSync(record, 'utf8').split('\n');
    const qFiles = argv.flatMap((a, i) => (a === '-q' ? [argv[i + 1]] : []));
    expect(qFiles).toEqual([join(repo, 'properties/ci.properties'), expect.stringMatching(/secret\.properties$/)]);
    const recorded = readFileSync(join(out, 'latest', 'run.properties'), 'utf8');
    expect(recorded).toMatch(/^TIME_SCALE=0\.01$/m);
    expect(recorded).toMatch(/^TOKEN=<redacted>$/m);
  });

  it('--json prints summary.json on stdout', async () => {
    const r = await runJtl(['run', healthPlan, '--out', join(scratch, 'json'), '--json'], fakeEnv());
    expect(r.exitCode, r.all).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ plan: { name: 'health' }, exit: { status: 'finished' }, analysis: { samples: 3 } });
  });

  it('--token-file wins over the environment', async () => {
    const tokenFile = join(scratch, 'token.txt');
    writeFileSync(tokenFile, 'from-file-token-1234\n', { mode: 0o600 });
    const record = join(scratch, 'argv-file.txt');
    const r = await runJtl(
      ['run', healthPlan, '--out', join(scratch, 'tf'), '--token-file', tokenFile],
      fakeEnv({ FAKE_JMETER_RECORD: record, MCPGATEWAY_BEARER_TOKEN: 'env-token-5678' }),
    );
    expect(r.exitCode, r.all).toBe(0);
    expect(readFileSync(`${record}.q`, 'utf8')).toBe('qfile-mode 600 TOKEN=from-file-token-1234 \n');
  });
});

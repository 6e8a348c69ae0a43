import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { fakeBin, healthPlan, repo } from '../runner/helpers.js';

const entry = join(repo, 'test/fixtures/runner/jtl-entry.ts');
const scratch = mkdtempSync(join(tmpdir(), 'jtl-preflight-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI from the sources, under a shell command that sets its limits first (`ulimit`, `prlimit`). */
function jtlUnder(prefix: string, args: readonly string[], env: Record<string, string> = {}) {
  const quoted = [process.execPath, '--import', 'tsx', entry, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return execa('bash', ['-c', `${prefix} ${quoted}`], {
    cwd: repo,
    env: { HOME: process.env.HOME ?? '', PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    extendEnv: false,
    reject: false,
  });
}

const row = (table: string, check: string): string => table.split('\n').find((l) => l.includes(check)) ?? '';
const sysctl = async (key: string): Promise<string> => (await readFile(`/proc/sys/${key.replaceAll('.', '/')}`, 'utf8')).trim();

describe('jtl doctor', () => {
  it('prints this host: the table matches /proc/sys and ulimit -n', async () => {
    const r = await jtlUnder('', ['doctor', 'rest_api_baseline', '--profile', 'ci']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^preflight of rest_api_baseline: peak 4 threads \/ connections \(THREADS=4\)$/m);
    const limits = await execa('bash', ['-c', 'ulimit -Sn; ulimit -Hn']);
    const [soft, hard] = limits.stdout.split('\n').map((v) => (v === 'unlimited' ? v : Number(v).toLocaleString('en-US')));
    expect(row(r.stdout, 'ulimit -n')).toContain(`${soft} / ${hard}`);
    const [low, high] = (await sysctl('net.ipv4.ip_local_port_range')).split(/\s+/);
    expect(row(r.stdout, 'ip_local_port_range')).toContain(`${low} ${high} (`);
    expect(row(r.stdout, 'net.ipv4.tcp_tw_reuse')).toMatch(new RegExp(`\\s${await sysctl('net.ipv4.tcp_tw_reuse')}[\\s(]`));
    expect(row(r.stdout, 'net.core.somaxconn')).toContain(Number(await sysctl('net.core.somaxconn')).toLocaleString('en-US'));
    expect(row(r.stdout, 'tcp_max_syn_backlog')).toContain(Number(await sysctl('net.ipv4.tcp_max_syn_backlog')).toLocaleString('en-US'));
    expect(row(r.stdout, 'target on this host')).toMatch(/^note\s+target on this host\s+yes: http:\/\/localhost:4444/);
  });

  it('ulimit -Sn 256 alone: the CLI (Node, like Java) runs with its soft limit lifted to the hard one', async () => {
    const r = await jtlUnder('ulimit -Sn 256;', ['doctor', 'rest_api_baseline', '--profile', 'ci']);
    const hard = (await execa('bash', ['-c', 'ulimit -Hn'])).stdout;
    expect(r.exitCode).toBe(0);
    const shown = hard === 'unlimited' ? hard : Number(hard).toLocaleString('en-US');
    expect(row(r.stdout, 'ulimit -n')).toMatch(new RegExp(`^ok\\s+ulimit -n \\(soft/hard\\)\\s+${shown} / ${shown}\\s`));
  });

  it('prlimit --nofile=256:256 and --strict: exit 2, the fix raises the hard limit too', async () => {
    const r = await jtlUnder('prlimit --nofile=256:256', ['doctor', 'rest_api_baseline', '--profile', 'ci', '--strict']);
    expect(r.exitCode).toBe(2);
    expect(row(r.stdout, 'ulimit -n')).toMatch(/^FAIL\s+ulimit -n \(soft\/hard\)\s+256 \/ 256\s+≥ 1,032\s+sudo prlimit --pid \$\$ --nofile=1032:1032/);
    expect(r.stderr).toBe('jtl: error CLI_PREFLIGHT_FAILED preflight failed for rest_api_baseline: ulimit -n (soft/hard) (see the fixes above; run without --strict to go on anyway)');
  });

  it('--strict on a host that suffices: exit 0; --json carries the same checks', async () => {
    const r = await jtlUnder('', ['doctor', healthPlan, '-J', 'THREADS=3', '--strict', '--json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as { load: { peakThreads: number; basis: string }; checks: { id: string; status: string }[] };
    expect(report.load).toMatchObject({ peakThreads: 3, basis: '1 thread group: 3' });
    expect(report.checks.map((c) => c.id)).toEqual(['open-files', 'ephemeral-ports', 'tcp-tw-reuse', 'somaxconn', 'syn-backlog', 'heap', 'memory', 'java', 'same-host']);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

describe('jtl run runs the preflight first', () => {
  const fakeEnv = { PATH: `${fakeBin}:/usr/bin:/bin`, JMETER_DIR: join(scratch, 'no-jmeter'), HEAP: '-Xms64m -Xmx256m' };

  it('--strict-preflight with too few file descriptors: exit 2 before JMeter, no run folder', async () => {
    const out = join(scratch, 'strict');
    const r = await jtlUnder('prlimit --nofile=256:256', ['run', healthPlan, '--out', out, '--strict-preflight'], fakeEnv);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^preflight: ulimit -n \(soft\/hard\) is 256 \/ 256, this run needs ≥ 1,028 .*; fix: sudo prlimit/m);
    expect(r.stderr).toContain('jtl: error CLI_PREFLIGHT_FAILED');
    expect(existsSync(out)).toBe(false);
  });

  it('without --strict-preflight the same run warns and goes on (fake JMeter); --no-preflight is silent', async () => {
    const warned = await jtlUnder('prlimit --nofile=256:256', ['run', healthPlan, '--out', join(scratch, 'warn')], fakeEnv);
    expect(warned.stderr).toMatch(/^preflight: ulimit -n \(soft\/hard\) is 256 \/ 256/m);
    expect(warned.stderr).toMatch(/^running health with JMeter/m);
    const silent = await jtlUnder('prlimit --nofile=256:256', ['run', healthPlan, '--out', join(scratch, 'silent'), '--no-preflight'], fakeEnv);
    expect(silent.stderr).not.toContain('preflight:');
    expect(silent.stderr).toMatch(/^running health with JMeter/m);
  });

  it('raises the heap bin/jmeter gets for 2,000 threads when HEAP is unset, and leaves a user HEAP alone', async () => {
    // A jmeter that records the HEAP it was started with, then fails (the run's outcome does not matter here).
    const bin = join(scratch, 'heap-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'jmeter'), '#!/bin/sh\nprintf %s "$HEAP" > "$HEAP_RECORD"\nexit 1\n');
    chmodSync(join(bin, 'jmeter'), 0o755);
    const record = join(scratch, 'heap.txt');
    const env = { PATH: `${bin}:/usr/bin:/bin`, JMETER_DIR: join(scratch, 'no-jmeter'), HEAP_RECORD: record };
    const raised = await jtlUnder('', ['run', healthPlan, '-J', 'THREADS=2000', '--out', join(scratch, 'heap1')], env);
    expect(raised.stderr).toContain('preflight: JMeter heap raised to -Xmx2560m for 2000 threads (set HEAP to choose it yourself)');
    expect(readFileSync(record, 'utf8')).toBe('-Xms1g -Xmx2560m -XX:MaxMetaspaceSize=256m');
    const mine = await jtlUnder('', ['run', healthPlan, '-J', 'THREADS=2000', '--out', join(scratch, 'heap2')], { ...env, HEAP: '-Xmx3g' });
    expect(mine.stderr).not.toContain('heap raised');
    expect(readFileSync(record, 'utf8')).toBe('-Xmx3g');
  });
});

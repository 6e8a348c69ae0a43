import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { readHostFacts } from '../../src/preflight/host-facts.js';

const sysctl = async (key: string): Promise<string> => (await readFile(`/proc/sys/${key.replaceAll('.', '/')}`, 'utf8')).trim();
const empty = mkdtempSync(join(tmpdir(), 'jtl-preflight-proc-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('host facts on this machine', () => {
  it('match /proc/sys, ulimit -n of this process (as the shell reports it), /proc/meminfo and java -version', async () => {
    const facts = await readHostFacts({ env: process.env, targets: new Map([['GATEWAY_URL', 'http://localhost:4444']]) });
    const shell = await execa('bash', ['-c', 'ulimit -Sn; ulimit -Hn']);
    const [soft, hard] = shell.stdout.split('\n').map((v) => (v === 'unlimited' ? 'unlimited' : Number(v)));
    expect(facts.openFiles).toEqual({ soft, hard });
    const [low, high] = (await sysctl('net.ipv4.ip_local_port_range')).split(/\s+/).map(Number);
    expect(facts.portRange).toEqual([low, high]);
    expect(facts.tcpTwReuse).toBe(Number(await sysctl('net.ipv4.tcp_tw_reuse')));
    expect(facts.somaxconn).toBe(Number(await sysctl('net.core.somaxconn')));
    expect(facts.tcpMaxSynBacklog).toBe(Number(await sysctl('net.ipv4.tcp_max_syn_backlog')));
    const availableKb = Number(/MemAvailable:\s+(\d+)/.exec(await readFile('/proc/meminfo', 'utf8'))?.[1]);
    // MemAvailable moves between two reads: within 256 MiB.
    expect(Math.abs((facts.memAvailableMb ?? 0) - availableKb / 1024)).toBeLessThan(256);
    const java = await execa('java', ['-version'], { reject: false });
    const version = /version "([^"]+)"/.exec(java.stderr)?.[1];
    expect(facts.java).toMatchObject(version === undefined ? { found: false } : { found: true, version });
    expect(facts.targets).toEqual([{ property: 'GATEWAY_URL', url: 'http://localhost:4444', local: true }]);
  });

  it('a /proc without the files: every value is left unknown, not guessed', async () => {
    const facts = await readHostFacts({ proc: empty, env: { PATH: '/nonexistent' }, targets: new Map([['GATEWAY_URL', 'http://203.0.113.7:4444']]) });
    expect(facts.openFiles).toBeUndefined();
    expect(facts.portRange).toBeUndefined();
    expect(facts.tcpTwReuse).toBeUndefined();
    expect(facts.somaxconn).toBeUndefined();
    expect(facts.tcpMaxSynBacklog).toBeUndefined();
    expect(facts.memAvailableMb).toBeUndefined();
    expect(facts.java).toEqual({ found: false, bin: 'java' });
    expect(facts.targets).toEqual([{ property: 'GATEWAY_URL', url: 'http://203.0.113.7:4444', local: false }]);
  });
});

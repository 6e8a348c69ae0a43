import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { repo, scratchDir } from './helpers.js';

const scratch = scratchDir('remote');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const TOKEN = 'remote-token-0d3b8e6a';

/** A private network namespace holds only a loopback interface: nothing in it is reachable from outside. */
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('jtl run --remote (distributed, two jmeter-server engines on loopback)', () => {
  it('runs on both engines and merges their results into one JTL; no token in any log', async (ctx) => {
    if (!canUnshare) ctx.skip('`unshare -n` is not available (needs root or user namespaces): the engines must run in a private network namespace');
    const scenario = join(repo, 'test/runner/remote-scenario.ts');
    const r = await execa(
      'unshare',
      ['-n', 'bash', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, '--import', 'tsx', scenario, scratch, TOKEN],
      { cwd: repo, reject: false, all: true, timeout: 150_000 },
    );
    expect(r.exitCode, r.all).toBe(0);
    const result = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result.exitCode, result.output).toBe(0);
    expect(result.engines).toEqual(['a', 'b']);
    expect(result.authorizations).toEqual([`Bearer ${TOKEN}`]);
    const out = join(scratch, 'results');
    const folder = join(out, readlinkSync(join(out, 'latest')));
    const rows = parse(readFileSync(join(folder, 'results.jtl')), { columns: true }) as unknown[];
    expect(rows.length).toBe(result.requests);
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ remoteHosts: ['127.0.0.1:21099', '127.0.0.1:21101'], analysis: { samples: rows.length } });
    const logs = [...readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f !== 'report').map((f) => join(folder, f)), join(scratch, 'server-a.log'), join(scratch, 'server-b.log')];
    for (const file of logs) expect(readFileSync(file, 'utf8'), file).not.toContain(TOKEN);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { describe, expect, it, onTestFinished } from 'vitest';

describe('jtl target leaves nothing behind', () => {
  it('Ctrl-C (SIGINT) stops it and deletes the folder of the generated token and password', async () => {
    const env = { ...process.env };
    delete env.JMETER_TOKEN;
    delete env.MCPGATEWAY_BEARER_TOKEN;
    delete env.JMETER_ADMIN_PASSWORD;
    const entry = new URL('../fixtures/runner/jtl-entry.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'target', '--port', '0', '--no-test-servers'], { env });
    onTestFinished(() => void child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    while (!out.includes('Ctrl-C stops it.')) await new Promise((r) => setTimeout(r, 50));
    const tokenFile = /token\s+written to (\S+)/.exec(out)![1]!;
    const passwordFile = /admin-pass\s+written to (\S+)/.exec(out)![1]!;
    expect(dirname(passwordFile)).toBe(dirname(tokenFile));
    expect(readFileSync(tokenFile, 'utf8').trim()).toMatch(/^[\w-]{43}$/);
    expect(out).toContain('(and deletes the files above)');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(existsSync(dirname(tokenFile))).toBe(false);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { HEADER } from '../jtl/generate.js';
import { repo } from '../runner/helpers.js';

/**
 * `jtl … | head -1`: the reader closes the pipe while jtl still writes. jtl drops the output nobody reads, prints
 * no EPIPE stack trace, and ends with its own exit code.
 */
const entry = join(repo, 'test/fixtures/runner/jtl-entry.ts');
const scratch = mkdtempSync(join(tmpdir(), 'jtl-test-closed-pipe-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 3,000 labels: the table (~285 KB) is far more than a pipe holds (64 KiB), so jtl is still writing when the reader leaves. */
const manyLabels = join(scratch, 'labels.jtl');
writeFileSync(
  manyLabels,
  HEADER + '\n' + Array.from({ length: 3000 }, (_, i) => `${1_700_000_000_000 + i},${i % 97},GET /users/${i},200,OK,tg 1-1,text,true,,100,50,1,1,http://127.0.0.1/x,10,0,2\n`).join(''),
);

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** What the reader took before it closed the pipe. */
  readonly read: string;
}

/** Runs jtl from the sources; `linesToRead` 0 closes the pipe before jtl writes anything, else after that many lines. */
function jtlIntoClosingReader(args: readonly string[], linesToRead: number): Promise<Ended> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  let read = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stdout = child.stdout!.setEncoding('utf8');
  if (linesToRead === 0) stdout.destroy();
  else {
    stdout.on('data', (chunk: string) => {
      read += chunk;
      const lines = read.split('\n');
      if (lines.length > linesToRead) {
        read = lines.slice(0, linesToRead).join('\n') + '\n';
        stdout.destroy();
      }
    });
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read }));
  });
}

describe('a reader that closes the pipe early (jtl … | head -1)', () => {
  it('--help into a closed pipe: exit 0, nothing on stderr', async () => {
    const r = await jtlIntoClosingReader(['analyze', '--help'], 0);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', read: '' });
  });

  it('jtl analyze with a large table, the reader taking one line: exit 0, nothing on stderr', async () => {
    const r = await jtlIntoClosingReader(['analyze', manyLabels], 1);
    expect(r).toEqual({
      code: 0,
      signal: null,
      stderr: '',
      read: 'label            samples  errors  error %  mean  min  p50  p90   p95   p99  max   req/s  apdex\n',
    });
  });

  it('a gate that fails keeps its verdict: exit 1 and its one error line, no EPIPE', async () => {
    const r = await jtlIntoClosingReader(['gate', manyLabels, '--rule', 'p95 < 1ms'], 0);
    expect(r).toEqual({ code: 1, signal: null, stderr: 'jtl: error SLA_FAILED 1 SLA rule failed: p95 < 1ms [Total]\n', read: '' });
  });
});

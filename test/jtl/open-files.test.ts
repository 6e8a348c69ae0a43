import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { JtlError } from '../../src/errors.js';
import { analyzeJtl } from '../../src/jtl/analyze.js';
import { openJtl } from '../../src/jtl/open.js';

const repo = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'jtl-test-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n';
const row = (i: number) => `${1_700_000_000_000 + i},${10 + (i % 7)},GET /health,200,OK,tg 1-1,text,true,,100,50,1,1,http://127.0.0.1/health,9,0,1\n`;
const gzFiles = Array.from({ length: 40 }, (_, f) => {
  const path = join(dir, `part-${f}.jtl.gz`);
  writeFileSync(path, gzipSync(HEADER + Array.from({ length: 25 }, (_, i) => row(f * 25 + i)).join('')));
  return path;
});
const openFds = () => readdirSync('/proc/self/fd').length;

describe('every stream of a JTL is closed, on every path', () => {
  it('analyzing 40 .gz files leaves no descriptor open (and so works under `ulimit -n 40`)', async () => {
    const before = openFds();
    const a = await analyzeJtl({ files: gzFiles });
    expect(a.total.count).toBe(1000);
    await expect.poll(openFds).toBe(before);
  });

  it('`jtl analyze` on 40 .gz files with `ulimit -n 40`: exit 0, all 1,000 samples', async () => {
    const entry = join(repo, 'test/fixtures/runner/jtl-entry.ts');
    const quoted = [process.execPath, '--import', 'tsx', entry, 'analyze', '--json', ...gzFiles].map((a) => `'${a}'`).join(' ');
    const r = await execa('bash', ['-c', `ulimit -n 40 && exec ${quoted}`], { cwd: repo, reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).total.count).toBe(1000);
  });

  it('a reader that stops early (format detection, a break) closes the file', async () => {
    const before = openFds();
    for (const file of gzFiles) {
      const jtl = await openJtl(file);
      for await (const chunk of jtl.chunks()) {
        expect(chunk.length).toBeGreaterThan(0);
        break;
      }
    }
    await expect.poll(openFds).toBe(before);
  });

  it('a corrupt .gz is one JtlError line naming the file, and its streams are closed', async () => {
    const corrupt = join(dir, 'corrupt.jtl.gz');
    const good = gzipSync(HEADER + Array.from({ length: 2000 }, (_, i) => row(i)).join(''));
    // A valid gzip header and start, then garbage: gunzip fails in the middle of the data.
    writeFileSync(corrupt, Buffer.concat([good.subarray(0, 200), Buffer.alloc(500, 0xab)]));
    const before = openFds();
    const error = await analyzeJtl({ files: [corrupt] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JtlError);
    expect((error as JtlError).code).toBe('JTL_CANNOT_READ');
    expect((error as JtlError).message).toMatch(new RegExp(`^${corrupt.replaceAll('.', '\\.')}: cannot read it \\(gzip: [^\\n]+\\)$`));
    await expect.poll(openFds).toBe(before);
  });
});

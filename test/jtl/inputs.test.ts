import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { JtlError } from '../../src/errors.js';
import { analyzeJtl } from '../../src/jtl/analyze.js';
import { HEADER } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const jtl = (input: string | Buffer, ...args: string[]) =>
  execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(main)}; await main(process.argv);`, 'jtl', ...args], { reject: false, input });
const row = (ts: number, elapsed: number, label: string) => `${ts},${elapsed},${label},200,OK,t 1-1,text,true,,100,10,1,1,null,${elapsed},0,1`;

async function failure(files: string[]): Promise<JtlError> {
  const error = await analyzeJtl({ files }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(JtlError);
  return error as JtlError;
}

describe('what is not a JTL says what it is (issue 12 item 9)', () => {
  it('a test plan (.jmx) is JTL_NOT_A_JTL, not "no samples"', async () => {
    const plan = new URL('../../plans/rest_api_baseline.jmx', import.meta.url).pathname;
    const e = await failure([plan]);
    expect(e.code).toBe('JTL_NOT_A_JTL');
    expect(e.message).toMatch(/rest_api_baseline\.jmx: a JMeter test plan \(\.jmx\), not a results file/);
  });

  it('an HTML page (a dashboard) is JTL_NOT_A_JTL', async () => {
    const e = await failure([file('index.html', '<!DOCTYPE html>\n<html lang="en"><head><title>Apache JMeter Dashboard</title></head><body></body></html>\n')]);
    expect(e.code).toBe('JTL_NOT_A_JTL');
    expect(e.message).toMatch(/index\.html: an HTML page/);
    const other = await failure([file('pom.xml', '<?xml version="1.0"?>\n<!-- a build -->\n<project><modelVersion>4.0.0</modelVersion></project>\n')]);
    expect(other.message).toMatch(/pom\.xml: an XML document whose root element is <project>/);
  });

  it('a directory says it is one, not EISDIR', async () => {
    mkdirSync(join(dir, 'run-folder'));
    const e = await failure([join(dir, 'run-folder')]);
    expect(e.code).toBe('JTL_CANNOT_READ');
    expect(e.message).toMatch(/run-folder: is a directory, not a results file; pass the \.jtl inside it/);
  });
});

describe('- reads standard input, plain or gzip (issue 12 item 9)', () => {
  const csv = [HEADER, row(1_795_000_000_000, 10, 'GET /a'), row(1_795_000_000_100, 30, 'GET /a'), row(1_795_000_000_200, 20, 'POST /b')].join('\n') + '\n';

  it('a CSV piped in', async () => {
    const r = await jtl(csv, 'analyze', '-', '--json');
    expect(r.exitCode, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { total: { count: number; meanMs: number }; files: Array<{ file: string }> };
    expect(a.total).toMatchObject({ count: 3, meanMs: 20 });
    expect(a.files[0]!.file).toBe('stdin');
  });

  it('a gzip stream (zcat-less) and an XML JTL, through the csv-parse dialect too', async () => {
    const gz = await jtl(gzipSync(csv), 'analyze', '-', '--csv');
    expect(gz.exitCode, gz.stderr).toBe(0);
    expect(gz.stdout.split('\n').find((l) => l.startsWith('Total'))).toMatch(/^Total,false,3,0,0,20,10,30,/);
    const semicolons = await jtl(csv.replaceAll(',', ';'), 'analyze', '-', '--csv', '--delimiter', ';', '--quote', "'");
    expect(semicolons.exitCode, semicolons.stderr).toBe(0);
    expect(semicolons.stdout).toMatch(/^Total,false,3,/m);
    const xml = readFileSync(file('x.jtl', '<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n<httpSample t="12" lt="5" ts="1795000000000" s="true" lb="GET /x" rc="200" rm="OK" by="10"/>\n</testResults>\n'));
    const x = await jtl(xml, 'analyze', '-', '--csv');
    expect(x.exitCode, x.stderr).toBe(0);
    expect(x.stdout).toMatch(/^Total,false,1,0,0,12,/m);
  });
});

describe('--max-labels on the command line', () => {
  it('groups labels beyond N and says so on stderr with --csv; a bad value is a usage error', async () => {
    const csv = [HEADER, ...Array.from({ length: 12 }, (_, i) => row(1_795_000_000_000 + i, 10 + i, `GET /user/${i}`))].join('\n') + '\n';
    const r = await jtl(csv, 'analyze', '-', '--csv', '--max-labels', '10');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^other labels,false,2,/m);
    expect(r.stderr).toContain('note: more than 10 labels: 2 sample(s) of 2 further label(s) are grouped in the row "other labels" (--max-labels)');
    const bad = await jtl(csv, 'analyze', '-', '--max-labels', 'many');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--max-labels many: expected a whole number of at least 1');
  });
});

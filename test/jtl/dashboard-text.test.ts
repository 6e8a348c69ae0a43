import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { analyzeJtl } from '../../src/jtl/analyze.js';
import { statisticsJsonTextOf } from '../../src/stats/statistics-json.js';
import { jmeterStatisticsText } from './dashboard.js';
import { HEADER } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Our statistics.json text in jmeter-compat mode next to jmeter -g's, for the same file. */
async function both(path: string): Promise<{ ours: string; jmeter: string }> {
  const [ours, jmeter] = await Promise.all([analyzeJtl({ files: [path], mode: 'jmeter-compat' }).then((a) => statisticsJsonTextOf(a)), jmeterStatisticsText(path)]);
  return { ours, jmeter };
}

const row = (ts: number, elapsed: number, label: string, ok = true) => `${ts},${elapsed},${label},${ok ? 200 : 500},${ok ? 'OK' : 'ERR'},t 1-1,text,${ok},,100,10,1,1,null,${elapsed},0,1`;

describe('--jmeter-compat statistics.json equals jmeter -g’s as text (issue 12 items 1–3, issue 17 item 9)', () => {
  it('a complete last record without a line end is a sample (item 1)', async () => {
    const path = file('no-eol.csv', `${HEADER}\n${row(1000, 10, 'a')}\n${row(2000, 30, 'a')}`);
    const { ours, jmeter } = await both(path);
    expect(ours).toBe(jmeter);
    expect(jmeter).toContain('"sampleCount" : 2');
    expect(jmeter).toContain('"meanResTime" : 20.0');
  });

  it('errorPct is printed as Java prints the float (item 2)', async () => {
    const { ours, jmeter } = await both(file('errpct.csv', [HEADER, row(1000, 10, 'a'), row(2000, 30, 'a', false), row(3000, 20, 'a')].join('\n') + '\n'));
    expect(ours).toBe(jmeter);
    expect(jmeter).toContain('"errorPct" : 33.333332');
  });

  it('an empty transaction-controller row keeps its label with JMeter’s placeholders (item 3)', async () => {
    const empty = '1575549419000,0,Select Year Transaction,200,"Number of samples in transaction : 0, number of failing samples : 0",,,true,,0,0,0,0,null,0,10,0';
    const get = '1575549418000,1700,GET /a,200,OK,TG 1-1,text,true,,580682,1269,1,3,http://x/a,698,0,320';
    const withSample = await both(file('empty-tc.csv', `${HEADER}\n${get}\n${empty}\n`));
    expect(withSample.ours).toBe(withSample.jmeter);
    expect(withSample.jmeter).toContain('"minResTime" : 9.223372036854776E18');
    // Nothing but the empty row: Total has no sample either, with the same placeholders.
    const alone = await both(file('only-empty-tc.csv', `${HEADER}\n${empty}\n`));
    expect(alone.ours).toBe(alone.jmeter);
    expect(alone.jmeter).toMatch(/"Total" : \{\n {4}"transaction" : "Total",\n {4}"sampleCount" : 0,/);
  });

  it('rows with timeStamp 0 (WebSocket "no connection") count as JMeter counts them (issue 17 item 9)', async () => {
    const zero = '0,0,WS tools/call,Sampler error,"Sampler configured for using existing connection, but there is no connection",t 1-1,text,false,,0,0,1,1,null,0,0,0';
    const { ours, jmeter } = await both(file('ws-zero.csv', [HEADER, row(1_795_000_000_000, 12, 'WS tools/call'), zero, row(1_795_000_001_000, 30, 'WS ping')].join('\n') + '\n'));
    expect(ours).toBe(jmeter);
    expect(jmeter).toContain('"throughput" : 1.6713091912415328E-9');
  });

  it('labels in JMeter’s HashMap order, with quotes, backslashes, control characters, Cyrillic, CJK and emoji', async () => {
    const labels = [
      ...Array.from({ length: 70 }, (_, i) => `GET /api/v1/items/${i * 37}`),
      'Вход в систему', '登录页面', 'quote "x"', 'back\\slash', 'ctl\u0001char', 'tab\there', 'rocket 🚀', 'Total time', 'Aa', 'BB',
    ];
    const lines = [HEADER];
    labels.forEach((label, i) => {
      const quoted = /[",\r\n]/.test(label) ? `"${label.replaceAll('"', '""')}"` : label;
      for (let k = 0; k < 3; k++) lines.push(row(1_795_000_000_000 + i * 100 + k * 7, 10 + ((i * 13 + k * 29) % 97), quoted, (i + k) % 11 !== 0));
    });
    const { ours, jmeter } = await both(file('labels.csv', lines.join('\n') + '\n'));
    expect(ours).toBe(jmeter);
    expect(jmeter).toContain('"ctl\\u0001char"');
  });
});

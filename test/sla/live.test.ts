import { appendFileSync, writeFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { liveBreach } from '../../src/sla/live.js';
import { SlaObserver } from '../../src/sla/observer.js';
import { parseRule } from '../../src/sla/parse-rule.js';
import { DEFAULT_STREAMING_LABELS, type RuleSet } from '../../src/sla/rule.js';
import { JtlTail } from '../../src/sla/tail.js';
import { jtlText, ramp, scratch, T0 } from './jtl.js';

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

describe('JtlTail: a JTL that JMeter is still writing', () => {
  it('passes on each completed record once, waiting for cut-off lines and open quotes', async () => {
    const s = scratch('tail');
    dirs.push(s.cleanup);
    const [header, a, b, c] = jtlText(ramp('A', 3)).split('\n');
    const quoted = jtlText([{ ts: T0 + 50, elapsed: 7, label: 'two\nlines', ok: false }]).split('\n').slice(1).join('\n');
    const file = s.write('growing.jtl', '');
    const tail = new JtlTail(file);
    const seen: string[] = [];
    const read = async () => tail.read((x) => seen.push(`${x.label}:${x.elapsedMs}`));
    expect(await read()).toBe(0);
    writeFileSync(file, `${header}\n${a}\n${b!.slice(0, 10)}`);
    expect(await read()).toBe(1);
    appendFileSync(file, `${b!.slice(10)}\n${quoted.slice(0, quoted.indexOf('\n') + 1)}`);
    expect(await read()).toBe(1);
    appendFileSync(file, `${quoted.slice(quoted.indexOf('\n') + 1)}${c}\n`);
    expect(await read()).toBe(2);
    expect(await read()).toBe(0);
    expect(seen).toEqual(['A:1', 'A:2', 'two\nlines:7', 'A:3']);
    expect(tail.issues.skippedCount).toBe(0);
  });
});

describe('liveBreach: abortable rules on the samples so far', () => {
  const set = (text: string): RuleSet => ({ name: 't', rules: [parseRule(text)], streamingLabels: DEFAULT_STREAMING_LABELS });
  const feed = (s: RuleSet, rows: ReturnType<typeof ramp>) => {
    const o = new SlaObserver(s);
    for (const r of rows) o.add({ timeStamp: r.ts, elapsedMs: r.elapsed, label: r.label, responseCode: '200', responseMessage: 'OK', success: true, failureMessage: '', bytes: 0, sentBytes: 0, allThreads: 1, latencyMs: r.elapsed, connectMs: 0, controller: 'none' });
    return o.detail();
  };

  it('judges a window only once it has ended (and a second has passed), and names it', () => {
    const rule = set('max < 50ms in every 1s abort');
    const slowSecond = [...ramp('A', 10, T0, 100, { elapsed: 10 }), ...ramp('A', 10, T0 + 1000, 100, { elapsed: 80 })];
    expect(liveBreach(rule, feed(rule, slowSecond))).toBeUndefined();
    const later = [...slowSecond, ...ramp('A', 2, T0 + 3000, 100, { elapsed: 10 })];
    expect(liveBreach(rule, feed(rule, later))?.reason).toBe('SLA rule "max < 50ms in every 1s abort" breached for Total: measured 80, window 2 (10 samples)');
  });

  it('waits for the warm-up, and ignores rules not marked abort', () => {
    const warm = set('max < 50ms after 5s abort');
    const slow = ramp('A', 10, T0, 100, { elapsed: 80 });
    expect(liveBreach(warm, feed(warm, slow))).toBeUndefined();
    const after = [...slow, ...ramp('A', 3, T0 + 5000, 100, { elapsed: 90 })];
    expect(liveBreach(warm, feed(warm, after))?.finding).toMatchObject({ verdict: 'fail', scope: 'Total', measured: { value: 90, unit: 'ms' } });
    const notAbortable = set('max < 50ms');
    expect(liveBreach(notAbortable, feed(notAbortable, after))).toBeUndefined();
  });
});

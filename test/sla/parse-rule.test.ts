import { describe, expect, it } from 'vitest';

import { ToolkitError } from '../../src/errors.js';
import { parseRule } from '../../src/sla/parse-rule.js';

describe('one-liner rules', () => {
  it('reads the three examples of the issue', () => {
    expect(parseRule('p95 < 300ms')).toEqual({
      metric: { kind: 'percentile', p: 95 }, op: '<', threshold: 300, scope: { kind: 'total' },
      severity: 'fail', abortable: false, basis: 'elapsed', streaming: 'first-event', text: 'p95 < 300ms',
    });
    expect(parseRule('errors < 0.5% for each label')).toMatchObject({ metric: { kind: 'errors' }, threshold: 0.5, scope: { kind: 'each' }, text: 'errors < 0.5% for each label' });
    expect(parseRule("p95 < 500ms in every 60s after 30s for 'MCP tools/call'")).toMatchObject({
      threshold: 500, windowMs: 60_000, warmUpMs: 30_000, scope: { kind: 'label', label: 'MCP tools/call' },
      text: "p95 < 500ms in every 60s after 30s for 'MCP tools/call'",
    });
  });

  it('reads units, metrics, scopes, severity, abort and streaming policy', () => {
    expect(parseRule('p99.9 <= 1.5s').threshold).toBe(1500);
    expect(parseRule('p99.9 <= 1.5s').metric).toEqual({ kind: 'percentile', p: 99.9 });
    expect(parseRule('median < 100 ms').metric).toEqual({ kind: 'percentile', p: 50 });
    expect(parseRule('throughput >= 1,000/s').threshold).toBe(1000);
    expect(parseRule('throughput >= 1000 req/s').threshold).toBe(1000);
    expect(parseRule('received > 50KB/s').metric).toEqual({ kind: 'received' });
    expect(parseRule('apdex >= 0.85').threshold).toBe(0.85);
    expect(parseRule('p95 latency < 200ms for /^SSE/ warn abort')).toMatchObject({ basis: 'latency', scope: { kind: 'regex', pattern: '^SSE' }, severity: 'warn', abortable: true });
    expect(parseRule('max < 2s for each label matching /^GET \\/api\\//').scope).toEqual({ kind: 'each', pattern: '^GET \\/api\\/' });
    expect(parseRule('mean < 10ms for "it\'s"').scope).toEqual({ kind: 'label', label: "it's" });
    expect(parseRule("mean < 10ms for 'it''s'").scope).toEqual({ kind: 'label', label: "it's" });
    expect(parseRule('p95 < 300ms for each label streaming exclude').streaming).toBe('exclude');
    expect(parseRule('p95 < 300ms for Total').scope).toEqual({ kind: 'total' });
  });

  it('writes a canonical text that parses back to the same rule', () => {
    for (const text of ["p95 latency < 200ms in every 10s after 5s for 'a''b' warn abort", 'errors < 1% for each label matching /x/', 'apdex >= 0.9 for /^GET/']) {
      const rule = parseRule(text);
      expect(parseRule(rule.text)).toEqual(rule);
    }
  });

  it.each([
    ['p95 < 300', 'column 7: a time threshold needs a unit: ms or s (e.g. 300ms)'],
    ['p95 300ms', 'column 5: expected a comparison (<, <=, >, >=) after the metric, found "300ms"'],
    ['p101 < 3ms', 'column 1: p101: a percentile is between p0 and p100 exclusive (p50, p95, p99.9)'],
    ['speed < 3ms', 'column 1: unknown metric "speed": expected pN (p95, p99.9), median, mean, min, max, errors, throughput, received, sent or apdex'],
    ['errors < 0.5', 'column 10: an error rate is given in per cent (e.g. 0.5%)'],
    ['throughput > 10ms', 'column 14: a throughput is given per second (e.g. 10/s)'],
    ['apdex > 2', 'column 9: APDEX is a number between 0 and 1 (e.g. 0.85)'],
    ['p95 < 3ms in every soon', 'column 20: expected a window length such as 60s (a number with ms, s, m or h), found "soon"'],
    ["p95 < 3ms for 'open", 'column 15: the label quoted here is not closed (write \'…\'; a \' inside is doubled)'],
    ['p95 < 3ms for /(/', 'column 15: /(/ is not a valid regular expression (Invalid regular expression: /(/: Unterminated group)'],
    ['p95 < 3ms for GET', 'column 15: unexpected scope "GET": write a label in quotes (\'GET\'), /regex/, Total or each label'],
    ['p95 < 3ms after 1s after 2s', 'column 20: "after" is given twice'],
    ['p95 < 3ms please', 'column 11: unexpected "please": expected in every …, after …, for …, warn, abort or streaming …'],
    ['errors latency < 1%', 'column 8: "latency" applies to time metrics (pN, mean, min, max) only'],
    ['', 'column 1: no metric: expected pN (p95, p99.9), median, mean, min, max, errors, throughput, received, sent or apdex'],
  ])('refuses %j with a message naming the column', (text, message) => {
    const error = (() => {
      try {
        parseRule(text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ToolkitError);
    expect((error as ToolkitError).code).toBe('SLA_BAD_RULE');
    expect((error as ToolkitError).message).toBe(`--rule "${text}", ${message}`);
  });
});

import { describe, expect, it } from 'vitest';

import { failures, isFailure, type Finding } from '../../src/findings/finding.js';

const finding = (verdict: Finding['verdict'], blocking: boolean): Finding => ({
  source: 'sla', subject: 'p95 < 300ms', scope: 'Total', measured: { value: 250, unit: 'ms' }, verdict, blocking,
});

describe('findings', () => {
  it('fail, regressed and no data fail the command only when blocking', () => {
    expect(['fail', 'regressed', 'no data'].map((v) => isFailure(finding(v as Finding['verdict'], true)))).toEqual([true, true, true]);
    expect(['fail', 'regressed', 'no data'].map((v) => isFailure(finding(v as Finding['verdict'], false)))).toEqual([false, false, false]);
    expect(['pass', 'warn', 'improved', 'unchanged', 'not applicable'].map((v) => isFailure(finding(v as Finding['verdict'], true)))).toEqual([false, false, false, false, false]);
  });
  it('failures keeps the failing ones in order', () => {
    const list = [finding('pass', true), finding('fail', true), finding('warn', true), finding('no data', true)];
    expect(failures(list).map((f) => f.verdict)).toEqual(['fail', 'no data']);
  });
});

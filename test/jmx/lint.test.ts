import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { lintJmx } from '../../src/jmx/index.js';
import { jmeterHome } from './jmeter-home.js';

const plan = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>
<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3"><hashTree>
  <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="T"/>
  <hashTree>
    <ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="REST mix">
      <stringProp name="ThreadGroup.num_threads">\${__groovy(2*2)}</stringProp>
    </ThreadGroup>
    <hashTree>${inner}</hashTree>
  </hashTree>
</hashTree></jmeterTestPlan>`;

const sampler = (body: string, name = 'GET /tools') =>
  `<HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="${name}">${body}</HTTPSamplerProxy><hashTree/>`;

describe('lintJmx', () => {
  it('accepts a clean element and a script in a thread group field (evaluated once)', () => {
    expect(lintJmx(plan(sampler('<stringProp name="HTTPSampler.path">${GW_BASE_PATH}/tools</stringProp>')))).toEqual([]);
  });

  it('flags a per-request script with the element path', () => {
    const f = lintJmx(plan(sampler('<stringProp name="HTTPSampler.domain">${__javaScript(1)}</stringProp>')));
    expect(f).toEqual([
      expect.objectContaining({ rule: 'per-request-script', path: 'TestPlan/ThreadGroup[REST mix]/HTTPSamplerProxy[GET /tools]' }),
    ]);
  });

  it('flags properties without defaults, and secrets in the file', () => {
    const f = lintJmx(plan(sampler(`
      <stringProp name="HTTPSampler.port">\${__P(PORT)}</stringProp>
      <stringProp name="a">\${__P(TOKEN,abc)}</stringProp>
      <stringProp name="b">Bearer abcdefghijklmnopqrstuvwxyz012345</stringProp>
      <stringProp name="c">eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln</stringProp>`)));
    expect(f.map((x) => x.rule)).toEqual(['property-without-default', 'embedded-secret', 'embedded-secret', 'embedded-secret']);
    expect(f.every((x) => x.path.endsWith('HTTPSamplerProxy[GET /tools]'))).toBe(true);
  });

  it('flags GUI listeners and classes it does not know', () => {
    const f = lintJmx(plan(`
      <ResultCollector guiclass="SummaryReport" testclass="ResultCollector" testname="Summary"/><hashTree/>
      <Foo guiclass="FooGui" testclass="Foo" testname="f"/><hashTree/>`));
    expect(f.map((x) => `${x.rule} ${x.path}`)).toEqual([
      'gui-listener TestPlan/ThreadGroup[REST mix]/ResultCollector[Summary]',
      'unknown-class TestPlan/ThreadGroup[REST mix]/Foo[f]',
      'unknown-class TestPlan/ThreadGroup[REST mix]/Foo[f]',
    ]);
  });

  it('finds the listeners of a JMeter template', () => {
    const xml = readFileSync(join(jmeterHome(), 'bin', 'templates', 'recording.jmx'), 'utf8');
    expect(lintJmx(xml).filter((x) => x.rule === 'gui-listener').map((x) => x.path)).toContain('TestPlan/ResultCollector[View Results Tree]');
  });

  it('throws on malformed XML', () => {
    expect(() => lintJmx('<jmeterTestPlan><hashTree>')).toThrow(/Unclosed/);
    expect(() => lintJmx('<html/>')).toThrow(/jmeterTestPlan/);
  });
});

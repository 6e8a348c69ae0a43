import { describe, expect, it } from 'vitest';

import { ToolkitError } from '../../src/errors.js';
import {
  csvDataSet,
  httpSampler,
  jsonAssertion,
  jsr223Sampler,
  testPlan,
  threadGroup,
  validatePlan,
  wsRequestResponse,
  type ThreadGroupChild,
} from '../../src/jmx/index.js';
import { renderPlan } from '../../src/plans/build.js';

const planWith = (...children: ThreadGroupChild[]) => testPlan('p', [threadGroup('Group', { threads: 1 }, children)]);

const failure = (fn: () => unknown): ToolkitError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ToolkitError) return e;
    throw e;
  }
  throw new Error('expected a ToolkitError');
};

describe('invalid definitions fail with PLAN_* naming the plan and the field', () => {
  it('duplicate label', () => {
    const get = httpSampler('GET /tools', { method: 'GET', path: '/tools' });
    const e = failure(() => validatePlan('rest_api_baseline', planWith(get, get)));
    expect(e.code).toBe('PLAN_DUPLICATE_LABEL');
    expect(e.message).toContain('plan rest_api_baseline');
    expect(e.message).toContain('TestPlan/ThreadGroup[Group]/HTTPSamplerProxy[GET /tools]');
    expect(e.context).toMatchObject({ plan: 'rest_api_baseline', field: 'label' });
  });

  it.each([
    ['ftp://host/x', 'must be http(s)'],
    ['http://exa mple.com/x', 'not a valid URL'],
    ['tools', 'must start with /'],
    ['/a b', 'whitespace'],
  ])('bad URL %s', (path, why) => {
    const e = failure(() => validatePlan('x', planWith(httpSampler('GET x', { method: 'GET', path }))));
    expect(e.code).toBe('PLAN_BAD_URL');
    expect(e.message).toContain(why);
    expect(e.context).toMatchObject({ plan: 'x', field: 'path' });
  });

  it.each([
    ['name', httpSampler(' ', { method: 'GET', path: '/x' })],
    ['path', httpSampler('GET', { method: 'GET', path: '' })],
    ['filename', csvDataSet('csv', { filename: '', variableNames: ['a'] })],
    ['variableNames', csvDataSet('csv', { filename: 'a.csv', variableNames: [] })],
    ['script', jsr223Sampler('SSE connect', { script: '  ' })],
    ['payload', wsRequestResponse('WS ping', { payload: '', readTimeoutMs: 1 })],
  ] as const)('missing %s', (field, el) => {
    const e = failure(() => validatePlan('y', planWith(el)));
    expect(e.code).toBe('PLAN_MISSING_FIELD');
    expect(e.context).toMatchObject({ plan: 'y', field });
  });

  it('bad values: zero threads, a JSONPath without $', () => {
    expect(failure(() => validatePlan('z', testPlan('p', [threadGroup('g', { threads: 0 }, [])]))).code).toBe('PLAN_BAD_VALUE');
    const bad = httpSampler('GET /x', { method: 'GET', path: '/x' }, [jsonAssertion('j', { path: 'result.tools' })]);
    expect(failure(() => validatePlan('z', planWith(bad))).message).toMatch(/path "result.tools" is not a JSONPath/);
  });

  it('a variable defined twice', () => {
    const p = testPlan('p', [], { variables: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] });
    expect(failure(() => validatePlan('w', p)).code).toBe('PLAN_DUPLICATE_VARIABLE');
  });

  it('the build also refuses what the linter finds (a literal token, a per-request script)', () => {
    const leaky = planWith(httpSampler('GET /x', { method: 'GET', path: '/x?t=${__groovy(1+1)}' }));
    const e = failure(() => renderPlan('leaky', leaky));
    expect(e.code).toBe('PLAN_LINT');
    expect(e.message).toContain('per-request-script');
    expect(e.message).toContain('TestPlan/ThreadGroup[Group]/HTTPSamplerProxy[GET /x]');
  });
});

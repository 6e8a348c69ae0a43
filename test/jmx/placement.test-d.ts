// Checked by `npm run typecheck` (tsc): each @ts-expect-error must be an error, or tsc fails.
import { expectTypeOf } from 'vitest';

import {
  constantTimer,
  headerManager,
  httpSampler,
  jsonAssertion,
  loopController,
  onceOnlyController,
  statusAssertion,
  testPlan,
  threadGroup,
  wsOpen,
  type SamplerChild,
  type TestPlanChild,
  type ThreadGroup,
  type ThreadGroupChild,
} from '../../src/jmx/index.js';

const get = httpSampler('GET /health', { method: 'GET', path: '/health' }, [statusAssertion(), jsonAssertion('shape', { path: '$.status' })]);
const group = threadGroup('g', { threads: 1 }, [get, constantTimer(10), loopController('l', 2, [get])]);

expectTypeOf(get).toMatchTypeOf<ThreadGroupChild>();
expectTypeOf(group).toMatchTypeOf<TestPlanChild>();
expectTypeOf(headerManager([])).toMatchTypeOf<SamplerChild>();
expectTypeOf(group).not.toMatchTypeOf<SamplerChild>();
expectTypeOf(get).not.toMatchTypeOf<SamplerChild>();

// @ts-expect-error a thread group cannot sit inside a sampler
httpSampler('x', { method: 'GET', path: '/' }, [group]);
// @ts-expect-error a sampler cannot sit inside a sampler
httpSampler('x', { method: 'GET', path: '/' }, [get]);
// @ts-expect-error a thread group cannot sit inside a thread group
threadGroup('outer', { threads: 1 }, [group]);
// @ts-expect-error a sampler cannot sit directly under the test plan
testPlan('p', [get]);
// @ts-expect-error a controller cannot sit inside a WebSocket sampler
wsOpen('WS connect', { endpoint: { tls: false, server: 'h', port: '80', path: '/ws', connectTimeoutMs: 1 }, readTimeoutMs: 1 }, [onceOnlyController('o', [])]);
// @ts-expect-error the HTTP method is a closed set
httpSampler('x', { method: 'FETCH', path: '/' });
// @ts-expect-error thread counts are numbers or property references, not free text
threadGroup('g', { threads: '100' }, []);

export const _group: ThreadGroup = group;

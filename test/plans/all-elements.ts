import {
  constantThroughputTimer, constantTimer, cookieManager, csvDataSet, headerManager, httpDefaults, httpSampler,
  ifController, jsonAssertion, jsonExtractor, jsr223PostProcessor, jsr223PreProcessor, jsr223Sampler, loopController,
  onceOnlyController, prop, randomController, regexExtractor, responseAssertion, runtimeController, secretProp, setupThreadGroup,
  statusAssertion, teardownThreadGroup, testPlan, threadGroup, throughputController, tpl, transactionController, uniformRandomTimer,
  userVariables, v, wsClose, wsOpen, wsPingFrameFilter, wsRequestResponse, wsSingleRead, wsSingleWrite,
} from '../../src/jmx/index.js';

/** A small plan using every element kind once: the golden file pins each element's XML. */
export const allElementsPlan = testPlan(
  'All elements',
  [
    userVariables('More variables', [{ name: 'B', value: prop('B', 2) }]),
    setupThreadGroup('Setup', { threads: 1, loops: 1, onSampleError: 'stoptest' }, [
      httpSampler('setUp GET /health', { method: 'GET', path: '/health' }, [statusAssertion([200])]),
    ]),
    threadGroup('Group', { threads: prop('THREADS', 2), rampUpS: 1, durationS: v('DURATION_S'), delayS: 0 }, [
      httpDefaults({ protocol: 'http', domain: '127.0.0.1', port: '8080', connectTimeoutMs: 1000, responseTimeoutMs: prop('RT', 2000) }),
      cookieManager(),
      headerManager([['Authorization', tpl`Bearer ${secretProp('TOKEN')}`]]),
      csvDataSet('Data', { filename: 'data/x.csv', variableNames: ['a', 'b'], delimiter: '|' }),
      constantThroughputTimer({ perMinute: 600 }),
      uniformRandomTimer({ delayMs: 10, rangeMs: v('RANGE') }),
      onceOnlyController('Once', [
        httpSampler('POST /login', { method: 'POST', path: '/login', followRedirects: false, form: [['user', 'u'], ['password', secretProp('PASSWORD')]] }, [
          regexExtractor('cookie', { variable: 'C', regex: 'c=([^;]+)', source: 'headers' }),
        ]),
      ]),
      throughputController('share', { percent: 50 }, [
        httpSampler('POST /rpc', { method: 'POST', path: '/rpc', body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' }, [
          jsonAssertion('no error', { path: '$.error', invert: true }),
          jsonExtractor('id', { variable: 'ID', path: '$.id' }),
          jsr223PreProcessor('pre', { script: "vars.put('X', '1')" }),
          jsr223PostProcessor('post', { script: "vars.put('Y', '1')" }),
          constantTimer(5),
        ]),
      ]),
      randomController('random', [ifController('if', v('FLAG'), [jsr223Sampler('script', { script: 'SampleResult.setSuccessful(true)' })])]),
      transactionController('tx', { parentSample: true }, [
        loopController('loop', 2, [httpSampler('GET /x', { method: 'GET', path: 'http://127.0.0.1:8080/x' }, [
          responseAssertion('body', { field: 'data', rule: 'contains', patterns: ['ok'] }),
        ])]),
      ]),
      wsPingFrameFilter(),
      wsOpen('WS connect', { endpoint: { tls: false, server: '127.0.0.1', port: '8080', path: '/ws', connectTimeoutMs: 1000 }, readTimeoutMs: 1000 }),
      wsSingleWrite('WS write', '{"a":1}'),
      wsSingleRead('WS read', { readTimeoutMs: 1000 }),
      runtimeController('for 2 s', 2, [wsRequestResponse('WS rr', { payload: '{"b":2}', readTimeoutMs: 1000 })]),
      wsClose('WS close', { readTimeoutMs: 1000 }),
    ]),
    teardownThreadGroup('Teardown', { threads: 1, loops: 1 }, [
      httpSampler('tearDown GET /health', { method: 'GET', path: '/health' }, [statusAssertion([200])]),
    ]),
  ],
  { variables: [{ name: 'DURATION_S', value: prop('DURATION', 5) }], tearDownOnShutdown: true },
);

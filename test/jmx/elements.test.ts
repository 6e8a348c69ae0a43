import { describe, expect, it } from 'vitest';

import {
  constantThroughputTimer,
  cookieManager,
  csvDataSet,
  headerManager,
  httpSampler,
  ifController,
  javaHashCode,
  jsonAssertion,
  jsr223Sampler,
  prop,
  responseAssertion,
  secretProp,
  statusAssertion,
  threadGroup,
  throughputController,
  toNode,
  tpl,
  v,
  wsOpen,
  wsRequestResponse,
  type JmxProp,
} from '../../src/jmx/index.js';

/** name → "type=value" of a node's flat properties, the way JMeter would read them back. */
const flat = (props: readonly JmxProp[]): Record<string, string> =>
  Object.fromEntries(props.filter((p) => 'value' in p).map((p) => [p.name, `${p.type}=${(p as { value: string }).value}`]));

describe('element → node (names and types as JMeter 5.6.3 saves them)', () => {
  it('thread group: literal ints are intProp, knobs become stringProp expressions, scheduler on with a duration', () => {
    const n = toNode(threadGroup('REST mix', { threads: 5, rampUpS: prop('RAMP_UP', 60), durationS: v('DURATION_S') }, []));
    expect([n.tag, n.testclass, n.guiclass, n.testname]).toEqual(['ThreadGroup', 'ThreadGroup', 'ThreadGroupGui', 'REST mix']);
    expect(flat(n.props)).toMatchObject({
      'ThreadGroup.num_threads': 'intProp=5',
      'ThreadGroup.ramp_time': 'stringProp=${__P(RAMP_UP,60)}',
      'ThreadGroup.scheduler': 'boolProp=true',
      'ThreadGroup.duration': 'stringProp=${DURATION_S}',
      'ThreadGroup.on_sample_error': 'stringProp=continue',
    });
    const loop = n.props.find((p) => p.name === 'ThreadGroup.main_controller');
    expect(loop?.type === 'elementProp' && flat(loop.props)).toEqual({
      'LoopController.loops': 'intProp=-1',
      'LoopController.continue_forever': 'boolProp=false',
    });
  });

  it('HTTP sampler with a raw JSON body and timeouts', () => {
    const n = toNode(httpSampler('MCP ping', { method: 'POST', path: '/mcp', body: '{"jsonrpc":"2.0"}', responseTimeoutMs: 3000 }));
    expect([n.tag, n.guiclass]).toEqual(['HTTPSamplerProxy', 'HttpTestSampleGui']);
    expect(flat(n.props)).toMatchObject({
      'HTTPSampler.path': 'stringProp=/mcp',
      'HTTPSampler.method': 'stringProp=POST',
      'HTTPSampler.postBodyRaw': 'boolProp=true',
      'HTTPSampler.response_timeout': 'intProp=3000',
      'HTTPSampler.follow_redirects': 'boolProp=true',
    });
    const args = n.props.find((p) => p.name === 'HTTPsampler.Arguments');
    expect(JSON.stringify(args)).toContain('"name":"Argument.value","value":"{\\"jsonrpc\\":\\"2.0\\"}"');
  });

  it('response assertion names each test string by Java hashCode, test_type bits as JMeter', () => {
    expect(javaHashCode('200')).toBe(49586);
    expect(javaHashCode('HX-Redirect')).toBe(-1087371239); // from jshell: "HX-Redirect".hashCode()
    const n = toNode(statusAssertion([302, 303]));
    expect(flat(n.props)).toMatchObject({ 'Assertion.test_field': 'stringProp=Assertion.response_code', 'Assertion.test_type': 'intProp=40' });
    const not = toNode(responseAssertion('x', { field: 'headers', rule: 'contains', not: true, patterns: ['a'] }));
    expect(flat(not.props)['Assertion.test_type']).toBe('intProp=6');
  });

  it('JSON assertion inverts for "no JSON-RPC error"', () => {
    const n = toNode(jsonAssertion('no error', { path: '$.error', invert: true }));
    expect([n.tag, n.guiclass]).toEqual(['JSONPathAssertion', 'JSONPathAssertionGui']);
    expect(flat(n.props)).toMatchObject({ JSON_PATH: 'stringProp=$.error', INVERT: 'boolProp=true', JSONVALIDATION: 'boolProp=false' });
  });

  it('test beans (CSV, JSR223, constant throughput) use TestBeanGUI and their bean property names', () => {
    const csv = toNode(csvDataSet('tz', { filename: 'data/timezones.csv', variableNames: ['timezone'] }));
    expect([csv.tag, csv.guiclass]).toEqual(['CSVDataSet', 'TestBeanGUI']);
    expect(flat(csv.props)).toMatchObject({ filename: 'stringProp=data/timezones.csv', variableNames: 'stringProp=timezone', ignoreFirstLine: 'boolProp=true' });
    const js = toNode(jsr223Sampler('SSE connect', { script: 'x' }));
    expect(flat(js.props)).toMatchObject({ scriptLanguage: 'stringProp=groovy', cacheKey: 'stringProp=true', script: 'stringProp=x' });
    const ctt = toNode(constantThroughputTimer({ perMinute: 600 }));
    expect(ctt.props).toContainEqual({ type: 'doubleProp', name: 'throughput', value: '600.0' });
    expect(flat(ctt.props).calcMode).toBe('intProp=4');
  });

  it('throughput controller in percent mode; a knob as percentage', () => {
    expect(flat(toNode(throughputController('s', { percent: 14 }, [])).props)).toMatchObject({ 'ThroughputController.style': 'intProp=1', 'ThroughputController.perThread': 'boolProp=false' });
    expect(toNode(throughputController('s', { percent: 14 }, [])).props).toContainEqual({ type: 'FloatProperty', name: 'ThroughputController.percentThroughput', value: '14.0' });
    expect(flat(toNode(throughputController('s', { percent: v('W') }, [])).props)['ThroughputController.percentThroughput']).toBe('stringProp=${W}');
  });

  it('header, cookie manager and if controller', () => {
    const h = toNode(headerManager([['Authorization', tpl`Bearer ${secretProp('TOKEN')}`]]));
    expect(JSON.stringify(h.props)).toContain('Bearer ${__P(TOKEN,)}');
    expect(flat(toNode(cookieManager()).props)).toMatchObject({ 'CookieManager.clearEachIteration': 'boolProp=false' });
    expect(flat(toNode(ifController('if', v('FLAG'), [])).props)).toMatchObject({ 'IfController.useExpression': 'boolProp=true', 'IfController.condition': 'stringProp=${FLAG}' });
  });

  it('WebSocket plugin samplers: full class names, request-response reuses the open connection', () => {
    const open = toNode(wsOpen('WS connect', { endpoint: { tls: false, server: v('H'), port: '80', path: '/ws', connectTimeoutMs: 5000 }, readTimeoutMs: 1000 }));
    expect(open.testclass).toBe('eu.luminis.jmeter.wssampler.OpenWebSocketSampler');
    expect(open.guiclass).toBe('eu.luminis.jmeter.wssampler.OpenWebSocketSamplerGui');
    expect(flat(open.props)).toMatchObject({ TLS: 'boolProp=false', server: 'stringProp=${H}', path: 'stringProp=/ws', readTimeout: 'stringProp=1000' });
    const rr = toNode(wsRequestResponse('WS ping', { payload: '{}', readTimeoutMs: 10 }));
    expect(flat(rr.props)).toMatchObject({ createNewConnection: 'boolProp=false', payloadType: 'stringProp=Text', requestData: 'stringProp={}' });
  });
});

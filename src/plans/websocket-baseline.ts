import {
  constantThroughputTimer,
  headerManager,
  jsonAssertion,
  loopController,
  runtimeController,
  prop,
  testPlan,
  threadGroup,
  tpl,
  v,
  wsClose,
  wsOpen,
  wsPingFrameFilter,
  wsRequestResponse,
  type SamplerChild,
} from '../jmx/index.js';
import { bearer, gatewayVariables, groovyOnce, perMinute, scaledSeconds, TIME_SCALE } from './knobs.js';
import { rpcChecks, toolsCsv } from './mcp-mix.js';

const SERVER_ID = prop('SERVER_ID', '');
const READ_TIMEOUT_MS = prop('WS_READ_TIMEOUT_MS', 10_000);
const DURATION = prop('DURATION', 600);
const RAMP_UP = prop('RAMP_UP', 60);
/** Each request its own JSON-RPC id (per connection), kept in RPC_ID for the reply's check. */
const RPC_ID = '${__counter(TRUE,RPC_ID)}';
const listBody = (method: string) => tpl`{"jsonrpc":"2.0","id":${RPC_ID},"method":"${method}","params":{"server_id":"${SERVER_ID}"}}`;
const callBody = tpl`{"jsonrpc":"2.0","id":${RPC_ID},"method":"tools/call","params":{"name":"${v('tool_name')}","arguments":${v('tool_args')},"server_id":"${SERVER_ID}"}}`;

/** A reply that belongs to another request (a desynchronised connection) fails loudly. */
const replyChecks = (resultPath: string): readonly SamplerChild[] => [
  ...rpcChecks(resultPath),
  jsonAssertion('reply to this request (id)', { path: '$.id', expected: v('RPC_ID') }),
];

/** Real WebSocket frames (WebSocket Samplers plugin): JSON-RPC over /ws, bearer token on the upgrade request. */
export const websocketBaseline = testPlan(
  'WebSocket baseline',
  [
    threadGroup('WebSocket connections', { threads: prop('CONNECTIONS', 500), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      headerManager([['Authorization', bearer()]], 'Bearer token on the upgrade'),
      wsPingFrameFilter('Answer server pings (pong), skip ping frames'),
      toolsCsv(),
      wsOpen('WS connect', {
        endpoint: {
          tls: v('GW_WS_TLS'),
          server: v('GW_HOST'),
          port: v('GW_PORT'),
          path: tpl`${v('GW_BASE_PATH')}/ws`,
          connectTimeoutMs: prop('CONNECT_TIMEOUT_MS', 5000),
        },
        readTimeoutMs: READ_TIMEOUT_MS,
      }),
      runtimeController('Until the connection closes in time (WS_SECONDS)', v('WS_SECONDS'), [
        loopController('Messages per connection', prop('WS_MESSAGES_PER_CONNECTION', 1200), [
          constantThroughputTimer({ perMinute: v('WS_MSG_PER_MINUTE'), calcMode: 'thisThread' }, 'MSG_PER_SEC per connection'),
          wsRequestResponse('WS tools/list', { payload: listBody('tools/list'), readTimeoutMs: READ_TIMEOUT_MS }, replyChecks('$.result.tools')),
          wsRequestResponse(
            'WS tools/call',
            { payload: callBody, readTimeoutMs: READ_TIMEOUT_MS },
            replyChecks('$.result.content'),
          ),
          wsRequestResponse('WS ping', { payload: listBody('ping'), readTimeoutMs: READ_TIMEOUT_MS }, replyChecks('$.result')),
        ]),
      ]),
      wsClose('WS close', { readTimeoutMs: READ_TIMEOUT_MS }),
    ]),
  ],
  {
    variables: [
      ...gatewayVariables(),
      scaledSeconds('RAMP_UP_S', 'RAMP_UP', 60),
      scaledSeconds('DURATION_S', 'DURATION', 600, 1),
      perMinute('WS_MSG_PER_MINUTE', 'MSG_PER_SEC', 20),
      // Seconds of messages per connection: what is left after the last connection opens, less 30 % for the
      // messages in flight, so every connection reaches WS close before the test ends.
      {
        name: 'WS_SECONDS',
        value: groovyOnce`Math.max(1L, (long) Math.floor(Math.max(0, ${DURATION} - ${RAMP_UP}) * ${TIME_SCALE} * 0.7))`,
      },
    ],
  },
);

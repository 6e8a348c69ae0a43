import {
  constantThroughputTimer,
  headerManager,
  loopController,
  prop,
  testPlan,
  threadGroup,
  tpl,
  v,
  wsClose,
  wsOpen,
  wsRequestResponse,
} from '../jmx/index.js';
import { bearer, gatewayVariables, perMinute, scaledSeconds } from './knobs.js';
import { rpcChecks, toolsCsv } from './mcp-mix.js';

const SERVER_ID = prop('SERVER_ID', '');
const READ_TIMEOUT_MS = prop('WS_READ_TIMEOUT_MS', 10_000);
const listBody = (method: string) => tpl`{"jsonrpc":"2.0","id":1,"method":"${method}","params":{"server_id":"${SERVER_ID}"}}`;
const callBody = tpl`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"${v('tool_name')}","arguments":${v('tool_args')},"server_id":"${SERVER_ID}"}}`;

/** Real WebSocket frames (WebSocket Samplers plugin): JSON-RPC over /ws, bearer token on the upgrade request. */
export const websocketBaseline = testPlan(
  'WebSocket baseline',
  [
    threadGroup('WebSocket connections', { threads: prop('CONNECTIONS', 500), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      headerManager([['Authorization', bearer()]], 'Bearer token on the upgrade'),
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
      loopController('Messages per connection', prop('WS_MESSAGES_PER_CONNECTION', 1200), [
        constantThroughputTimer({ perMinute: v('WS_MSG_PER_MINUTE'), calcMode: 'thisThread' }, 'MSG_PER_SEC per connection'),
        wsRequestResponse('WS tools/list', { payload: listBody('tools/list'), readTimeoutMs: READ_TIMEOUT_MS }, rpcChecks('$.result.tools')),
        wsRequestResponse(
          'WS tools/call',
          { payload: callBody, readTimeoutMs: READ_TIMEOUT_MS },
          rpcChecks('$.result.content'),
        ),
        wsRequestResponse('WS ping', { payload: listBody('ping'), readTimeoutMs: READ_TIMEOUT_MS }, rpcChecks('$.result')),
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
    ],
  },
);

import {
  csvDataSet,
  httpSampler,
  prop,
  statusAssertion,
  testPlan,
  threadGroup,
  tpl,
  v,
  type ThreadGroupChild,
} from '../jmx/index.js';
import { defaultsFor, RATE_KEY, rateShapeVariables, type LoadShape } from './common.js';
import { dataFile } from './data.js';
import { urlVariables } from './knobs.js';
import { jsonRpcBody, mcpClient, mcpPost, mcpSession, mcpSessionVariables, rpcChecks, type McpTarget } from './mcp-mix.js';
import { pacedThreads, pacedTimer } from './pacing.js';

const SHAPE: LoadShape = { threads: 200, rampUpS: 60, durationS: 600, targetRps: 2000 };

const FAST_TIME_URL = prop('FAST_TIME_URL', 'http://localhost:8888');
const FAST_TEST_URL = prop('FAST_TEST_URL', 'http://localhost:8880');
/** Where both servers serve MCP: /mcp as ContextForge's docker-compose registers them; /http for the Helm chart's Go server. */
const MCP_PATH = prop('TEST_SERVER_MCP_PATH', '/mcp');

const call = (name: string, args: string) =>
  tpl`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"${name}","arguments":${args}}}`;
const toolChecks = () => rpcChecks('$.result.content');

const groupOptions = { threads: pacedThreads(RATE_KEY), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S'), delayedStart: true };
const rate = () => pacedTimer(RATE_KEY, 'TARGET_RPS per server (over THREADS)');

const fastTime = (): readonly ThreadGroupChild[] => {
  const t: McpTarget = { url: tpl`${v('FT_BASE_PATH')}${MCP_PATH}`, labelPrefix: 'fast_time ' };
  return [
    defaultsFor('FT', 'fast_time_server (FAST_TIME_URL)'),
    ...mcpClient({ bearer: false }),
    rate(),
    csvDataSet('Time zones', { filename: dataFile('TIMEZONES_CSV', 'timezones.csv'), variableNames: ['timezone'] }),
    mcpSession(t),
    httpSampler('fast_time GET /api/v1/time', { method: 'GET', path: tpl`${v('FT_BASE_PATH')}/api/v1/time?timezone=${v('timezone')}` }, [statusAssertion([200])]),
    mcpPost(t, 'MCP tools/list', jsonRpcBody('tools/list', '{}'), rpcChecks('$.result.tools')),
    mcpPost(t, 'MCP tools/call get_system_time', call('get_system_time', `{"timezone":"\${timezone}"}`), toolChecks()),
    httpSampler('fast_time GET /health', { method: 'GET', path: tpl`${v('FT_BASE_PATH')}/health` }, [statusAssertion([200])]),
  ];
};

const fastTest = (): readonly ThreadGroupChild[] => {
  const t: McpTarget = { url: tpl`${v('FX_BASE_PATH')}${MCP_PATH}`, labelPrefix: 'fast_test ' };
  return [
    defaultsFor('FX', 'fast_test_server (FAST_TEST_URL)'),
    ...mcpClient({ bearer: false }),
    rate(),
    csvDataSet('Echo messages', { filename: dataFile('MESSAGES_CSV', 'messages.csv'), variableNames: ['message'] }),
    mcpSession(t),
    mcpPost(t, 'MCP tools/call echo', call('echo', `{"message":"\${message}"}`), toolChecks()),
    mcpPost(t, 'MCP tools/call get_system_time', call('get_system_time', '{"timezone":"UTC"}'), toolChecks()),
    mcpPost(t, 'MCP tools/call get_stats', call('get_stats', '{}'), toolChecks()),
    mcpPost(t, 'MCP tools/list', jsonRpcBody('tools/list', '{}'), rpcChecks('$.result.tools')),
    httpSampler('fast_test GET /health', { method: 'GET', path: tpl`${v('FX_BASE_PATH')}/health` }, [statusAssertion([200])]),
  ];
};

/** The MCP test servers hit directly, without the gateway (MCP at TEST_SERVER_MCP_PATH on both, /mcp by default). */
export const mcpTestServersBaseline = testPlan(
  'MCP test servers baseline',
  [threadGroup('fast_time_server', groupOptions, fastTime()), threadGroup('fast_test_server', groupOptions, fastTest())],
  {
    variables: [
      ...urlVariables('FT', FAST_TIME_URL),
      ...urlVariables('FX', FAST_TEST_URL),
      ...rateShapeVariables(SHAPE),
      ...mcpSessionVariables(),
    ],
  },
);

/** Each server group runs TARGET_RPS on THREADS of its own. */
import {
  csvDataSet,
  headerManager,
  httpSampler,
  ifController,
  jsonAssertion,
  jsr223PostProcessor,
  jsr223PreProcessor,
  jsr223Sampler,
  onceOnlyController,
  prop,
  statusAssertion,
  teardownThreadGroup,
  throughputController,
  tpl,
  v,
  type SamplerChild,
  type TeardownThreadGroup,
  type TextValue,
  type ThreadGroupChild,
} from '../jmx/index.js';
import { dataFile } from './data.js';
import { bearer } from './knobs.js';
import { END_SESSIONS_SCRIPT, REPLY_SCRIPT, SESSION_HEADER_SCRIPT } from './mcp-scripts.js';

export const MCP_PROTOCOL_VERSION = prop('MCP_PROTOCOL_VERSION', '2025-06-18');
export const RESOURCE_URI = prop('RESOURCE_URI', 'file:///loadtest/hello.txt');

const rpc = (method: string, params?: string): TextValue =>
  params === undefined
    ? `{"jsonrpc":"2.0","id":1,"method":"${method}"}`
    : `{"jsonrpc":"2.0","id":1,"method":"${method}","params":${params}}`;

const initializeBody = tpl`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"${MCP_PROTOCOL_VERSION}","capabilities":{},"clientInfo":{"name":"jmeter-mcp-toolkit","version":"1"}}}`;

/** Status 200, no JSON-RPC error object, and the result's known member when there is one. */
export const rpcChecks = (resultPath = '$.result'): readonly SamplerChild[] => [
  statusAssertion([200]),
  jsonAssertion('no JSON-RPC error', { path: '$.error', invert: true }),
  jsonAssertion('JSON-RPC result', { path: resultPath }),
];

const toolCallChecks = (): readonly SamplerChild[] => [
  ...rpcChecks('$.result.content'),
  jsonAssertion('tool did not fail', { path: '$.result.isError', expected: 'true', invert: true }),
];

/** MCP over Streamable HTTP at `url`: headers, per-thread session and a POST per call. */
export interface McpTarget {
  readonly url: TextValue;
  readonly labelPrefix: string;
}

/** A JSON-RPC call inside the thread's session (the client elements add Mcp-Session-Id when there is one). */
const post = (t: McpTarget, label: string, body: TextValue, checks: readonly SamplerChild[]) =>
  httpSampler(`${t.labelPrefix}${label}`, { method: 'POST', path: t.url, body }, checks);

/** The handshake of a new client: `initialize` (keeps the session a stateful server issues), then `notifications/initialized`. */
const handshake = (t: McpTarget, suffix = ''): readonly ThreadGroupChild[] => [
  httpSampler(`${t.labelPrefix}MCP initialize${suffix}`, { method: 'POST', path: t.url, body: initializeBody }, rpcChecks('$.result.protocolVersion')),
  post(t, `MCP notifications/initialized${suffix}`, '{"jsonrpc":"2.0","method":"notifications/initialized"}', [statusAssertion([202])]),
];

/** Ends the thread's session when a stateful server issued one (MCP_SESSION_OPEN, set by the reply script). */
export const mcpEndSession = (t: McpTarget): ThreadGroupChild =>
  ifController(`${t.labelPrefix}when a session is open`, v('MCP_SESSION_OPEN'), [
    httpSampler(`${t.labelPrefix}MCP DELETE session`, { method: 'DELETE', path: t.url }, [statusAssertion([200])]),
  ]);

/**
 * The elements every MCP thread group needs, at group level: headers with the bearer token and both Accept
 * types (a second Accept elsewhere in scope would win over this one: JMeter keeps the first it merges),
 * Mcp-Session-Id only when a session is open, and SSE-framed replies read as JSON.
 */
export const mcpClient = (o: { bearer: boolean } = { bearer: true }): readonly ThreadGroupChild[] => [
  headerManager(
    [
      ...(o.bearer ? [['Authorization', bearer()] as const] : []),
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json, text/event-stream'],
    ],
    o.bearer ? 'MCP headers (bearer token, both Accept types)' : 'MCP headers (both Accept types)',
  ),
  jsr223PreProcessor('Mcp-Session-Id when a session is open', { script: SESSION_HEADER_SCRIPT }),
  jsr223PostProcessor('MCP reply: SSE framing to JSON, session id', { script: REPLY_SCRIPT }),
];

/** The handshake once per thread. */
export const mcpSession = (t: McpTarget): ThreadGroupChild =>
  onceOnlyController(`${t.labelPrefix}MCP session`, handshake(t, ' (thread start)'));

/** Ends, after the load, every session a thread still held when the test's duration stopped it. */
export const mcpSessionTeardown = (): TeardownThreadGroup =>
  teardownThreadGroup('End open MCP sessions', { threads: 1, loops: 1 }, [
    jsr223Sampler('tearDown MCP DELETE open sessions', { script: END_SESSIONS_SCRIPT }),
  ]);

/** Variables of a plan with MCP groups: no session until a stateful server issues one. */
export const mcpSessionVariables = () => [
  { name: 'MCP_SESSION_ID', value: '' },
  { name: 'MCP_SESSION_OPEN', value: 'false' },
] as const;

export const toolsCsv = () =>
  csvDataSet('MCP tools (name|arguments)', {
    filename: dataFile('MCP_TOOLS_CSV', 'mcp_tools.csv'),
    variableNames: ['tool_name', 'tool_args'],
    delimiter: '|',
  });

const share = (t: McpTarget, label: string, percent: number, sampler: ThreadGroupChild | readonly ThreadGroupChild[]): ThreadGroupChild =>
  throughputController(`${t.labelPrefix}share ${label}`, { percent: prop(`MCP_PCT_${label.replace(/\W+/g, '_').toUpperCase()}`, percent) }, Array.isArray(sampler) ? sampler : [sampler as ThreadGroupChild]);

/** The MCP mix of the spec: tools/list 25, tools/call 30, resources/list 15, prompts/list 10, resources/read 10, ping 5, initialize 5. */
export const mcpMix = (t: McpTarget): readonly ThreadGroupChild[] => [
  toolsCsv(),
  mcpSession(t),
  share(t, 'tools/list', 25, post(t, 'MCP tools/list', rpc('tools/list', '{}'), rpcChecks('$.result.tools'))),
  share(t, 'tools/call', 30, post(t, 'MCP tools/call', tpl`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"${v('tool_name')}","arguments":${v('tool_args')}}}`, toolCallChecks())),
  share(t, 'resources/list', 15, post(t, 'MCP resources/list', rpc('resources/list', '{}'), rpcChecks('$.result.resources'))),
  share(t, 'prompts/list', 10, post(t, 'MCP prompts/list', rpc('prompts/list', '{}'), rpcChecks('$.result.prompts'))),
  share(t, 'resources/read', 10, post(t, 'MCP resources/read', tpl`{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"${RESOURCE_URI}"}}`, rpcChecks('$.result.contents'))),
  share(t, 'ping', 5, post(t, 'MCP ping', rpc('ping'), rpcChecks('$.result'))),
  // A client reconnecting: its old session ends first, so none is abandoned.
  share(t, 'initialize', 5, [mcpEndSession(t), ...handshake(t)]),
];

export { rpc as jsonRpcBody, post as mcpPost };

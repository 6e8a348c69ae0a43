import {
  csvDataSet,
  headerManager,
  httpSampler,
  jsonAssertion,
  onceOnlyController,
  prop,
  regexExtractor,
  statusAssertion,
  throughputController,
  tpl,
  v,
  type SamplerChild,
  type TextValue,
  type ThreadGroupChild,
} from '../jmx/index.js';
import { dataFile } from './data.js';

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

/** Sends back the session id a server returned on initialize (stateful MCP servers require it). */
const sessionHeader = () => headerManager([['Mcp-Session-Id', v('MCP_SESSION_ID')]], 'Mcp-Session-Id');

/** A JSON-RPC call inside the session; pass `initialize` calls to `initPost`, which must not send an id. */
const post = (t: McpTarget, label: string, body: TextValue, checks: readonly SamplerChild[], extra: readonly SamplerChild[] = []) =>
  httpSampler(`${t.labelPrefix}${label}`, { method: 'POST', path: t.url, body }, [sessionHeader(), ...checks, ...extra]);

const initPost = (t: McpTarget, label: string) =>
  httpSampler(`${t.labelPrefix}${label}`, { method: 'POST', path: t.url, body: initializeBody }, [
    ...rpcChecks('$.result.protocolVersion'),
    sessionExtractor,
  ]);

const sessionExtractor = regexExtractor('Mcp-Session-Id', {
  variable: 'MCP_SESSION_ID',
  regex: '(?i)mcp-session-id:\\s*([^\\r\\n]+)',
  source: 'headers',
});

/** Headers of every MCP call (the bearer token, when needed, comes from the group's header manager). */
export const mcpHeaders = () =>
  headerManager([['Content-Type', 'application/json'], ['Accept', 'application/json, text/event-stream']], 'MCP headers');

/** `initialize` once per thread, keeping the Mcp-Session-Id the server may return. */
export const mcpSession = (t: McpTarget): ThreadGroupChild =>
  onceOnlyController(`${t.labelPrefix}MCP session`, [
    initPost(t, 'MCP initialize (thread start)'),
  ]);

export const toolsCsv = () =>
  csvDataSet('MCP tools (name|arguments)', {
    filename: dataFile('MCP_TOOLS_CSV', 'mcp_tools.csv'),
    variableNames: ['tool_name', 'tool_args'],
    delimiter: '|',
  });

const share = (t: McpTarget, label: string, percent: number, sampler: ThreadGroupChild): ThreadGroupChild =>
  throughputController(`${t.labelPrefix}share ${label}`, { percent: prop(`MCP_PCT_${label.replace(/\W+/g, '_').toUpperCase()}`, percent) }, [sampler]);

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
  share(t, 'initialize', 5, initPost(t, 'MCP initialize')),
];

export { rpc as jsonRpcBody, post as mcpPost };

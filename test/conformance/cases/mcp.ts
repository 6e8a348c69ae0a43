import { expect } from 'vitest';

import { exchange, requestCase, type ConformanceCase, type Endpoint, type Expected, type Request } from '../case.js';
import { call, init, MCP_ACCEPT, MCP_CAPABILITIES, mcpPath, mcpPost } from './mcp-common.js';
import { rpcCases } from './mcp-rpc.js';
import { mcpSessionCases } from './mcp-sessions.js';

/**
 * mcp: MCP Streamable HTTP at /servers/{id}/mcp as ContextForge 1.1.0 answers it with its load-test settings
 * (stateless, JSON replies). Stateful sessions and SSE-framed replies: mcp-sessions.ts; /rpc and /ws: mcp-rpc.ts.
 */
const ok = (result: unknown, id: number | string = 1): Expected => ({ status: 200, contentType: 'application/json', jsonEquals: { jsonrpc: '2.0', id, result } });
const rpcFailure = (status: number, code: number, message: string | RegExp, id: number | null = 1): Expected => ({
  status,
  contentType: 'application/json',
  json: { jsonrpc: '2.0', id, error: { code, message: typeof message === 'string' ? message : expect.stringMatching(message) } },
});

const SERVER_INFO = { name: 'ContextForge', version: '1.1.0' };
const SUPPORTED_HEADER_VERSIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'];

const c = (name: string, request: Request | ((e: Endpoint) => Request), expected: Expected, covers?: readonly string[]) =>
  requestCase('mcp', name, request, expected, covers === undefined ? {} : { covers });

const streamableHttp: readonly ConformanceCase[] = [
  c('POST without a token is 401 "Authentication required for MCP endpoints" with WWW-Authenticate: Bearer', (e) => ({ ...mcpPost(call('ping'))(e), auth: 'none' }),
    { status: 401, headers: { 'www-authenticate': 'Bearer' }, jsonEquals: { detail: 'Authentication required for MCP endpoints' } }, ['D6']),
  c('POST with a token the gateway did not issue is 401 "Invalid authentication credentials"', (e) => ({ ...mcpPost(call('ping'))(e), auth: 'bad' }),
    { status: 401, headers: { 'www-authenticate': 'Bearer' }, jsonEquals: { detail: 'Invalid authentication credentials' } }, ['D6']),
  c('an unknown virtual server is 404 {"detail":"Server not found"}', (e) => ({ ...mcpPost(call('ping'))(e), path: '/servers/00000000000000000000000000000000/mcp' }),
    { status: 404, contentType: 'application/json', jsonEquals: { detail: 'Server not found' } }, ['D11']),
  c('a Content-Type other than JSON is 400 "Invalid Content-Type header", plain text without a Content-Type', mcpPost(JSON.stringify(call('ping')), { 'content-type': 'text/plain' }),
    { status: 400, headers: { 'content-type': null }, text: 'Invalid Content-Type header' }, ['D12']),
  c('the Content-Type is checked before the Accept header', mcpPost(JSON.stringify(call('ping')), { 'content-type': 'text/plain', accept: 'text/html' }),
    { status: 400, text: 'Invalid Content-Type header' }, ['D12']),
  c('application/json with a charset is a JSON Content-Type', mcpPost(call('ping'), { 'content-type': 'application/json; charset=utf-8' }), ok({})),
  c('an unsupported MCP-Protocol-Version header is 400 -32022 with the supported versions', mcpPost(call('ping'), { 'mcp-protocol-version': '1999-01-01' }), {
    status: 400,
    contentType: 'application/json',
    jsonEquals: { jsonrpc: '2.0', id: null, error: { code: -32022, message: 'Unsupported protocol version', data: { supported: SUPPORTED_HEADER_VERSIONS, requested: '1999-01-01' } } },
  }, ['D13']),
  c('the MCP-Protocol-Version header is checked before the virtual server exists', (e) => ({ ...mcpPost(call('ping'), { 'mcp-protocol-version': '2024-10-07' })(e), path: '/servers/00000000000000000000000000000000/mcp' }),
    rpcFailure(400, -32022, 'Unsupported protocol version', null), ['D13']),
  c('a supported MCP-Protocol-Version header (2024-11-05) is accepted', mcpPost(call('ping'), { 'mcp-protocol-version': '2024-11-05' }), ok({}), ['D13']),
  c('initialize with an unsupported protocolVersion negotiates 2025-11-25, names ContextForge 1.1.0 and its capabilities', mcpPost(init('1999-01-01')),
    ok({ capabilities: MCP_CAPABILITIES, protocolVersion: '2025-11-25', serverInfo: SERVER_INFO }), ['D16']),
  {
    area: 'mcp',
    name: 'initialize keeps each supported protocolVersion (2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25)',
    covers: ['D16'],
    run: async (e) => {
      for (const version of ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25']) {
        await exchange(e, mcpPost(init(version))(e), ok({ capabilities: MCP_CAPABILITIES, protocolVersion: version, serverInfo: SERVER_INFO }));
      }
    },
  },
  c('initialize without a protocolVersion is -32602 "Invalid request parameters"', mcpPost(call('initialize', { capabilities: {}, clientInfo: { name: 'c', version: '1' } })),
    rpcFailure(200, -32602, 'Invalid request parameters'), ['D16']),
  c('an unknown tool is a result with isError, not a JSON-RPC error', mcpPost(call('tools/call', { name: 'nope', arguments: {} })),
    ok({ content: [{ type: 'text', text: 'Unknown tool: nope' }], isError: true }), ['D14']),
  c('tools/call without a name is -32602 "Invalid request parameters"', mcpPost(call('tools/call', { arguments: {} })), rpcFailure(200, -32602, 'Invalid request parameters'), ['D21']),
  {
    area: 'mcp',
    name: 'tools/call gw-health answers the REST tool\'s JSON as text, isError false',
    run: async (e) => {
      const answer = await exchange(e, mcpPost(call('tools/call', { name: 'gw-health', arguments: {} }))(e), { status: 200, json: { jsonrpc: '2.0', id: 1, result: { isError: false } } });
      const [content] = answer.json().result.content;
      expect(content.type).toBe('text');
      expect(JSON.parse(content.text)).toEqual({ status: 'healthy' });
    },
  },
  {
    area: 'mcp',
    name: 'tools/list lists gw-health with its input schema and empty annotations',
    run: async (e) => {
      const answer = await exchange(e, mcpPost(call('tools/list', {}))(e), { status: 200, contentType: 'application/json' });
      const tools: { name: string }[] = answer.json().result.tools;
      for (const tool of tools) expect(Object.keys(tool).sort()).toEqual(['annotations', 'description', 'inputSchema', 'name']);
      expect(tools.find((t) => t.name === 'gw-health')).toEqual({ name: 'gw-health', description: 'Gateway health over REST', inputSchema: { type: 'object', properties: {} }, annotations: {} });
    },
  },
  c('resources/read of an unknown URI is -32602 "Unknown resource: <uri>"', mcpPost(call('resources/read', { uri: 'file:///nope.txt' })), rpcFailure(200, -32602, 'Unknown resource: file:///nope.txt'), ['D15']),
  c('resources/read of the seeded resource answers its text', mcpPost(call('resources/read', { uri: 'file:///loadtest/hello.txt' })),
    ok({ contents: [{ uri: 'file:///loadtest/hello.txt', mimeType: 'text/plain', text: 'Hello from the ContextForge load test' }] })),
  {
    area: 'mcp',
    name: 'prompts/get answers the prompt\'s description with its messages',
    covers: ['D21'],
    run: async (e) => {
      const list = await exchange(e, mcpPost(call('prompts/list', {}))(e), { status: 200 });
      const [prompt] = list.json().result.prompts;
      expect(prompt).toMatchObject({ description: 'Greets a user', arguments: [{ name: 'user', description: '', required: true }] });
      await exchange(e, mcpPost(call('prompts/get', { name: prompt.name, arguments: { user: 'x' } }))(e),
        ok({ description: 'Greets a user', messages: [{ role: 'user', content: { type: 'text', text: 'Hello, welcome to the load test.' } }] }));
    },
  },
  c('prompts/get of an unknown prompt is -32602 "Unknown prompt: <name>"', mcpPost(call('prompts/get', { name: 'nope' })), rpcFailure(200, -32602, 'Unknown prompt: nope'), ['D21']),
  c('an unknown method is 200 with -32601 "Method not found: <method>"', mcpPost(call('x/y')), { ...rpcFailure(200, -32601, 'Method not found: x/y'), jsonEquals: { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found: x/y' } } }),
  c('a body that is not JSON is 400 -32700 "Parse error: <why>"', mcpPost('{not json'), rpcFailure(400, -32700, /^Parse error: .+/, null), ['D21']),
  c('a JSON array is 400 -32602 "Validation error: …"', mcpPost([call('ping')]), rpcFailure(400, -32602, /^Validation error: /, null), ['D21']),
  c('a message with jsonrpc "1.0" is 400 -32602 "Validation error: …"', mcpPost({ ...call('ping'), jsonrpc: '1.0' }), rpcFailure(400, -32602, /^Validation error: /, null), ['D21']),
  c('a message whose method is not a string is 400 -32602 "Validation error: …"', mcpPost({ ...call('ping'), method: 5 }), rpcFailure(400, -32602, /^Validation error: /, null), ['D21']),
  c('tools/call with params null is -32602 "Invalid request parameters"', mcpPost({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: null }), rpcFailure(200, -32602, 'Invalid request parameters')),
  {
    area: 'mcp',
    name: 'tools/list with params null lists the tools',
    run: async (e) => {
      const answer = await exchange(e, mcpPost({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: null })(e), { status: 200, json: { jsonrpc: '2.0', id: 1 } });
      expect(answer.json().result.tools.length).toBeGreaterThan(0);
    },
  },
  c('a notification is 202 with an empty body', mcpPost({ jsonrpc: '2.0', method: 'notifications/initialized' }), { status: 202, text: '' }),
  c('a client\'s JSON-RPC response is 202 with an empty body', mcpPost({ jsonrpc: '2.0', id: 1, result: {} }), { status: 202, text: '' }),
  c('Accept: text/event-stream alone is 406 "Client must accept application/json"', mcpPost(call('ping'), { accept: 'text/event-stream' }),
    rpcFailure(406, -32600, 'Not Acceptable: Client must accept application/json', null), ['D19']),
  c('Accept: */* takes JSON replies', mcpPost(call('ping'), { accept: '*/*' }), ok({}), ['D19']),
  c('an empty Mcp-Session-Id header is ignored without stateful sessions', mcpPost(call('ping'), { 'mcp-session-id': '' }), ok({}), ['D18']),
  c('DELETE without stateful sessions is 405 -32600 "Session termination not supported", no Allow header', (e) => ({ path: mcpPath(e), method: 'DELETE', headers: { accept: MCP_ACCEPT } }), {
    status: 405,
    contentType: 'application/json',
    headers: { allow: null },
    jsonEquals: { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Method Not Allowed: Session termination not supported' } },
  }, ['D17']),
  c('GET without stateful sessions is 405, Allow: POST, DELETE, "passive SSE stream is not available"', (e) => ({ path: mcpPath(e), headers: { accept: MCP_ACCEPT } }), {
    status: 405,
    headers: { allow: 'POST, DELETE' },
    jsonEquals: { detail: 'Stateful sessions disabled on this gateway; passive SSE stream is not available.' },
  }, ['D17']),
  c('PUT is 405 -32600 "Method Not Allowed", Allow: GET, POST, DELETE', (e) => ({ ...mcpPost({})(e), method: 'PUT' }), {
    status: 405,
    headers: { allow: 'GET, POST, DELETE' },
    jsonEquals: { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Method Not Allowed' } },
  }, ['D17']),
  c('POST /mcp (no virtual server) answers MCP too', (e) => ({ ...mcpPost(call('ping'))(e), path: '/mcp' }), ok({})),
];

export const mcpCases: readonly ConformanceCase[] = [...streamableHttp, ...mcpSessionCases, ...rpcCases];

import { requestCase, type ConformanceCase } from '../case.js';

/** mcp: what the real gateway answers (see test/conformance/case.ts). */
export const mcpCases: readonly ConformanceCase[] = [
  requestCase('mcp', 'POST /rpc without a token is 401', { path: '/rpc', auth: 'none', body: { jsonrpc: '2.0', id: 1, method: 'tools/list' } }, { status: 401 }),
];

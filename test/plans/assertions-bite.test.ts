import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import { httpSampler, jsr223Sampler, statusAssertion, testPlan, threadGroup } from '../../src/jmx/index.js';
import { renderPlan } from '../../src/plans/build.js';
import { authHeaders, gatewayDefaults } from '../../src/plans/common.js';
import { gatewayVariables, gw } from '../../src/plans/knobs.js';
import { jsonRpcBody, mcpClient, mcpPost, rpcChecks } from '../../src/plans/mcp-mix.js';
import { SSE_SCRIPT } from '../../src/plans/sse-script.js';
import { runPlan, type JtlRow } from './run-jmeter.js';
import { killProcessesMentioning } from '../runner/proc.js';

/**
 * The plans' checks must fail samples, not just decorate them: a faulty loopback server answers
 * a JSON-RPC error object inside HTTP 200, closes the SSE stream after one event, and serves
 * /health with a 500. One JMeter run of a plan made of the same building blocks.
 */
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.endsWith('/sse')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: endpoint\r\ndata: /message\r\n\r\n');
      return void setTimeout(() => res.end(), 100);
    }
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}');
      }
      res.writeHead(500);
      res.end('{}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => (server.closeAllConnections(), server.close(() => ok()))));

const plan = testPlan(
  'Faults',
  [
    threadGroup('Faults', { threads: 1, loops: 1 }, [
      gatewayDefaults(),
      authHeaders(),
      ...mcpClient(),
      mcpPost({ url: '/servers/x/mcp', labelPrefix: '' }, 'MCP tools/list', jsonRpcBody('tools/list', '{}'), rpcChecks('$.result.tools')),
      jsr223Sampler('SSE connect', { script: SSE_SCRIPT }),
      httpSampler('GET /health', { method: 'GET', path: gw('/health') }, [statusAssertion([200])]),
    ]),
  ],
  {
    variables: [
      ...gatewayVariables(),
      { name: 'SSE_HOLD_MS', value: '30000' },
      { name: 'SSE_FIRST_EVENT_TIMEOUT_MS', value: '5000' },
      { name: 'SSE_CONNECT_TIMEOUT_MS', value: '1000' },
      { name: 'SSE_SERVER_ID', value: 'x' },
      { name: 'MCP_SESSION_ID', value: '' },
    ],
  },
);

describe('plan checks fail samples on a misbehaving server', () => {
  it('JSON-RPC error in a 200, SSE closed early, HTTP 500', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-faults-'));
    onTestFinished(() => {
      killProcessesMentioning(dir);
      rmSync(dir, { recursive: true, force: true });
    });
    writeFileSync(join(dir, 'faults.jmx'), renderPlan('faults', plan));
    writeFileSync(join(dir, 'run.properties'), `GATEWAY_URL=${url}\nTOKEN=t0ken-for-faults\n`, { mode: 0o600 });
    const run = await runPlan(join(dir, 'faults.jmx'), { cwd: dir, name: 'faults', propertyFiles: [join(dir, 'run.properties')] });
    expect(run.exitCode).toBe(0);
    const by = (label: string): JtlRow | undefined => run.rows.find((r) => r.label === label);
    expect(by('MCP tools/list')).toMatchObject({ success: 'false', responseCode: '200' });
    expect(by('MCP tools/list')?.failureMessage).toMatch(/\$\.error/);
    expect(by('SSE connect')).toMatchObject({ success: 'false', responseCode: '200', responseMessage: 'stream closed by the server early' });
    // Ends when the server closes, not after the 30 s hold.
    expect(Number(by('SSE connect')?.elapsed)).toBeLessThan(15_000);
    expect(by('GET /health')).toMatchObject({ success: 'false', responseCode: '500' });
  }, 60_000);
});

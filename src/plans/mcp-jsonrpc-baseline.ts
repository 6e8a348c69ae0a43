import { constantThroughputTimer, httpSampler, prop, setupThreadGroup, statusAssertion, testPlan, threadGroup, tpl, v } from '../jmx/index.js';
import { gatewayDefaults, loadShapeVariables } from './common.js';
import { gw } from './knobs.js';
import { jsonRpcBody, mcpClient, mcpEndSession, mcpMix, mcpPost, mcpSession, mcpSessionTeardown, mcpSessionVariables, rpcChecks } from './mcp-mix.js';

export const SERVER_ID = prop('SERVER_ID', '');
export const mcpUrl = () => tpl`${v('GW_BASE_PATH')}/servers/${SERVER_ID}/mcp`;

/** Stops the whole test at once when the gateway or the virtual server SERVER_ID is not usable. */
export const readinessGroup = (labelPrefix = 'setUp ') =>
  setupThreadGroup('Gateway readiness', { threads: 1, loops: 1, onSampleError: 'stoptest' }, [
    gatewayDefaults(),
    ...mcpClient(),
    httpSampler(`${labelPrefix}GET /health`, { method: 'GET', path: gw('/health') }, [statusAssertion([200])]),
    mcpSession({ url: mcpUrl(), labelPrefix }),
    mcpPost({ url: mcpUrl(), labelPrefix }, 'MCP tools/list', jsonRpcBody('tools/list', '{}'), rpcChecks('$.result.tools')),
    mcpEndSession({ url: mcpUrl(), labelPrefix }),
  ]);

export const mcpJsonrpcBaseline = testPlan(
  'MCP JSON-RPC baseline',
  [
    readinessGroup(),
    threadGroup('MCP mix', { threads: prop('THREADS', 200), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      ...mcpClient(),
      constantThroughputTimer({ perMinute: v('TARGET_RPM') }, 'Target rate (TARGET_RPS)'),
      ...mcpMix({ url: mcpUrl(), labelPrefix: '' }),
    ]),
    mcpSessionTeardown(),
  ],
  {
    variables: [...loadShapeVariables({ rampUpS: 60, durationS: 900, targetRps: 1000 }), ...mcpSessionVariables()],
    tearDownOnShutdown: true,
  },
);

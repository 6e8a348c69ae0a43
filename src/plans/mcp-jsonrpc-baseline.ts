import { httpSampler, prop, setupThreadGroup, statusAssertion, testPlan, threadGroup, tpl, v } from '../jmx/index.js';
import { gatewayDefaults, loadShapeVariables, RATE_KEY, type LoadShape } from './common.js';
import { pacedThreads, pacedTimer } from './pacing.js';
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

const SHAPE: LoadShape = { threads: 200, rampUpS: 60, durationS: 900, targetRps: 1000 };

export const mcpJsonrpcBaseline = testPlan(
  'MCP JSON-RPC baseline',
  [
    readinessGroup(),
    threadGroup('MCP mix', { threads: pacedThreads(RATE_KEY), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S'), delayedStart: true }, [
      gatewayDefaults(),
      ...mcpClient(),
      pacedTimer(RATE_KEY, 'Target rate (TARGET_RPS over THREADS)'),
      ...mcpMix({ url: mcpUrl(), labelPrefix: '' }),
    ]),
    mcpSessionTeardown(),
  ],
  {
    variables: [...loadShapeVariables(SHAPE), ...mcpSessionVariables()],
    tearDownOnShutdown: true,
  },
);

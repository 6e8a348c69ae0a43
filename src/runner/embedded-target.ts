import { ToolkitError } from '../errors.js';
import { startTarget, type RunningTarget } from '../target/index.js';
import type { RunRequest } from './types.js';

/** A run pointed at the embedded gateway stand-in: the request with its URLs, and the environment with its secrets. */
export interface EmbeddedTargetRun {
  readonly request: RunRequest;
  readonly env: NodeJS.ProcessEnv;
  readonly target: RunningTarget;
}

/**
 * Starts the embedded target on free loopback ports for one run. Its URLs become plan properties (unless -J set
 * them) and its freshly generated token and admin password reach JMeter the usual way: through the environment
 * the runner reads secrets from, never the command line.
 */
export async function withEmbeddedTarget(request: RunRequest, env: NodeJS.ProcessEnv): Promise<EmbeddedTargetRun> {
  if (request.properties.has('GATEWAY_URL') || request.tokenFile !== undefined || request.remoteHosts.length > 0) {
    throw new ToolkitError('CLI_CONFLICTING_OPTIONS', '--embedded-target starts its own gateway: drop --gateway-url, --token-file and --remote');
  }
  const target = await startTarget({ port: 0, fastTimePort: 0, fastTestPort: 0 });
  const fromTarget: Record<string, string> = {
    GATEWAY_URL: target.url,
    SERVER_ID: target.serverId,
    FAST_TIME_URL: target.fastTimeUrl,
    FAST_TEST_URL: target.fastTestUrl,
    ADMIN_EMAIL: target.adminEmail,
  };
  const properties = new Map(Object.entries(fromTarget));
  for (const [name, value] of request.properties) properties.set(name, value);
  const { MCPGATEWAY_BEARER_TOKEN: _unused, ...rest } = env;
  return {
    request: { ...request, properties },
    env: { ...rest, JMETER_TOKEN: target.token, JMETER_ADMIN_PASSWORD: target.adminPassword },
    target,
  };
}

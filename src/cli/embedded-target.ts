import { ToolkitError } from '../errors.js';
import { aimAtGateway, type AimedRun } from '../runner/provided-gateway.js';
import type { RunRequest } from '../runner/types.js';
import { startTarget, type RunningTarget } from '../target/index.js';

/** A run pointed at the embedded gateway stand-in, and the stand-in itself (the caller closes it after the run). */
export interface EmbeddedTargetRun extends AimedRun {
  readonly target: RunningTarget;
}

/** `jtl run --embedded-target`: starts the embedded target on free loopback ports for one run and aims the run at it. */
export async function withEmbeddedTarget(request: RunRequest, env: NodeJS.ProcessEnv): Promise<EmbeddedTargetRun> {
  if (request.properties.has('GATEWAY_URL') || request.tokenFile !== undefined || request.remoteHosts.length > 0) {
    throw new ToolkitError('CLI_CONFLICTING_OPTIONS', '--embedded-target starts its own gateway: drop --gateway-url, --token-file and --remote');
  }
  const target = await startTarget({ port: 0, fastTimePort: 0, fastTestPort: 0 });
  return { ...aimAtGateway(request, env, target), target };
}

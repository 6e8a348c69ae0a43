import type { RunRequest } from './types.js';

/**
 * A gateway started for one run by the runner's caller (the CLI's embedded stand-in): where it listens, and the
 * secrets it generated. The runner only aims the run at it; starting and stopping it is the caller's job.
 */
export interface ProvidedGateway {
  readonly url: string;
  readonly serverId: string;
  readonly fastTimeUrl: string;
  readonly fastTestUrl: string;
  readonly adminEmail: string;
  readonly token: string;
  readonly adminPassword: string;
}

/** A run request and the environment the runner reads its secrets from, aimed at a provided gateway. */
export interface AimedRun {
  readonly request: RunRequest;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The gateway's URLs become plan properties (unless -J set them), and its token and admin password reach JMeter the
 * usual way: through the environment the runner reads secrets from, never the command line.
 */
export function aimAtGateway(request: RunRequest, env: NodeJS.ProcessEnv, gateway: ProvidedGateway): AimedRun {
  const fromGateway: Record<string, string> = {
    GATEWAY_URL: gateway.url,
    SERVER_ID: gateway.serverId,
    FAST_TIME_URL: gateway.fastTimeUrl,
    FAST_TEST_URL: gateway.fastTestUrl,
    ADMIN_EMAIL: gateway.adminEmail,
  };
  const properties = new Map(Object.entries(fromGateway));
  for (const [name, value] of request.properties) properties.set(name, value);
  const { MCPGATEWAY_BEARER_TOKEN: _unused, ...rest } = env;
  return {
    request: { ...request, properties },
    env: { ...rest, JMETER_TOKEN: gateway.token, JMETER_ADMIN_PASSWORD: gateway.adminPassword },
  };
}

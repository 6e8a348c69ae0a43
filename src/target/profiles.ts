import { ToolkitError } from '../errors.js';

/**
 * The gateway release the stand-in models. A later release that answers differently gets its own profile
 * (and its conformance cases) instead of changing this one.
 */
export interface GatewayProfile {
  readonly name: string;
  /** As the gateway names itself in GET /version (`app.name`, `app.version`). */
  readonly product: string;
  readonly version: string;
  /** The newest MCP protocol version it speaks (`app.mcp_protocol_version`). */
  readonly mcpProtocolVersion: string;
  /** The Sunset date its deprecated unversioned routes announce. */
  readonly legacySunset: string;
}

export const PROFILES: Readonly<Record<string, GatewayProfile>> = {
  'contextforge-1.1.0': {
    name: 'contextforge-1.1.0',
    product: 'ContextForge',
    version: '1.1.0',
    mcpProtocolVersion: '2025-11-25',
    legacySunset: 'Sat, 26 Sep 2026 00:00:00 GMT',
  },
};

export const DEFAULT_PROFILE = 'contextforge-1.1.0';

export function gatewayProfile(name: string = DEFAULT_PROFILE): GatewayProfile {
  const profile = PROFILES[name];
  if (profile === undefined) {
    throw new ToolkitError('TARGET_UNKNOWN_PROFILE', `--profile ${name}: the stand-in models ${Object.keys(PROFILES).join(', ')}; pick one of them`, { profile: name });
  }
  return profile;
}

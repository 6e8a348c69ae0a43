import { createHash } from 'node:crypto';

import { PEERS } from '../catalogue.js';
import { gatewayTools } from '../json-rpc.js';

/** What the seeded gateway holds, as the admin UI lists it (JSON paths and HTML partials alike). */
export interface AdminItem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface AdminCatalogue {
  readonly tools: readonly AdminItem[];
  readonly servers: readonly AdminItem[];
  /** The two peer MCP servers scripts/gateway.sh registers (the stand-in's test servers). */
  readonly gateways: readonly (AdminItem & { readonly transport: 'STREAMABLEHTTP' })[];
  readonly resources: readonly (AdminItem & { readonly uri: string; readonly mimeType: string })[];
  readonly prompts: readonly AdminItem[];
  readonly users: readonly { readonly email: string; readonly full_name: string; readonly is_admin: boolean; readonly is_active: boolean }[];
}

/** A stable 32-hex id per name, like the gateway's uuid4().hex ids. */
const idOf = (kind: string, name: string) => createHash('md5').update(`${kind}:${name}`).digest('hex');

const item = (kind: string, name: string, description: string): AdminItem => ({ id: idOf(kind, name), name, description });

export function adminCatalogue(serverId: string, adminEmail: string): AdminCatalogue {
  return {
    tools: gatewayTools.map((t) => item('tool', t.name, t.description)),
    servers: [{ id: serverId, name: 'loadtest', description: 'JMeter target' }],
    gateways: PEERS.map(({ name: n }) => ({ ...item('gateway', n, `MCP test server ${n}`), transport: 'STREAMABLEHTTP' as const })),
    resources: [{ ...item('resource', 'hello', 'Hello resource'), uri: 'file:///loadtest/hello.txt', mimeType: 'text/plain' }],
    prompts: [item('prompt', 'greeting', 'Greets a user')],
    users: [{ email: adminEmail, full_name: 'Platform Administrator', is_admin: true, is_active: true }],
  };
}

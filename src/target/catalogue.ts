/**
 * What the seeded gateway holds (scripts/gateway/seed.py against ContextForge 1.1.0): the REST tool gw-health,
 * the two MCP test servers registered as peer gateways `fast-time` and `fast-test`, their tools federated as
 * `<gateway-slug>-<tool-slug>`, and the resource and prompt the peers took over from the local ones.
 */

/** Where a peer is registered: the test server's base URL (the gateway stores 127.0.0.1 as `localhost`) + this path. */
export const PEER_MCP_PATH = '/http';

export interface Peer {
  readonly id: string;
  readonly name: 'fast-time' | 'fast-test';
  /** The peer's own tool names, as its tools/list says them. */
  readonly tools: readonly string[];
}

export const PEERS: readonly Peer[] = [
  { id: 'd9b928bd9a664202802cc05e6d9871a5', name: 'fast-test', tools: ['echo', 'get_system_time', 'get_stats'] },
  { id: '3f52836d7cba4a53b745ca7e76adb37a', name: 'fast-time', tools: ['get_system_time'] },
];

/** The gateway's name for a peer's tool: `fast-test` + `get_system_time` → `fast-test-get-system-time`. */
export const federatedName = (peer: string, tool: string): string => `${peer}-${slug(tool)}`;

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const title = (name: string): string => name.split(/[_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  echo: 'Echoes its message',
  get_system_time: 'Current time in a time zone',
  get_stats: 'Server statistics',
};

/** The base URL of each peer (its test server), known once the servers listen. */
export type PeerUrls = Readonly<Record<Peer['name'], string>>;

/** 127.0.0.1 and [::1] become `localhost`, as the gateway stores a peer's URL. */
const stored = (base: string): string => `${base.replace(/^(https?:\/\/)(127\.0\.0\.1|\[::1\])(?=[:/]|$)/, '$1localhost')}${PEER_MCP_PATH}`;

const LOCAL_TOOL = {
  id: 'c0fa12b2226a4a3a94520b328a336a69',
  name: 'gw-health',
  originalName: 'gw-health',
  customName: 'gw-health',
  customNameSlug: 'gw-health',
  displayName: 'gw-health',
  gatewaySlug: '',
  gatewayId: null,
  description: 'Gateway health over REST',
  integrationType: 'REST',
  requestType: 'GET',
  inputSchema: { type: 'object', properties: {} },
  enabled: true,
  reachable: true,
  tags: [{ id: 'loadtest', label: 'loadtest' }],
  visibility: 'public',
};

/** GET /tools: the local REST tool and every federated one. */
export function toolRecords(gatewayUrl: string, peers: PeerUrls): readonly Record<string, unknown>[] {
  const federated = PEERS.flatMap((peer) =>
    peer.tools.map((tool, i) => ({
      id: `${peer.id.slice(0, 30)}${i}0`,
      name: federatedName(peer.name, tool),
      originalName: tool,
      customName: tool,
      customNameSlug: slug(tool),
      displayName: title(tool),
      gatewaySlug: peer.name,
      gatewayId: peer.id,
      url: stored(peers[peer.name]),
      description: DESCRIPTIONS[tool] ?? tool,
      integrationType: 'MCP',
      requestType: 'STREAMABLEHTTP',
      inputSchema: { type: 'object', properties: {} },
      enabled: true,
      reachable: true,
      tags: [],
      visibility: 'public',
    })),
  );
  return [{ ...LOCAL_TOOL, url: `${gatewayUrl}/health` }, ...federated];
}

/** GET /gateways: the two peers. */
export function gatewayRecords(peers: PeerUrls): readonly Record<string, unknown>[] {
  return PEERS.map((peer) => ({
    id: peer.id,
    name: peer.name,
    slug: peer.name,
    url: stored(peers[peer.name]),
    description: `embedded MCP test server ${peer.name}`,
    transport: 'STREAMABLEHTTP',
    capabilities: { prompts: {}, resources: { subscribe: false }, tools: { listChanged: false } },
    enabled: true,
    reachable: true,
    toolCount: peer.tools.length,
    tags: [{ id: 'loadtest', label: 'loadtest' }],
    visibility: 'public',
  }));
}

/** GET /resources and /prompts: both peers serve the seeded URI and prompt name, so each peer owns one copy. */
export const resourceRecords = (): readonly Record<string, unknown>[] =>
  PEERS.map((peer, i) => ({
    id: `91e31fd4dbde4d27860edcbc8ab7194${i}`,
    uri: 'file:///loadtest/hello.txt',
    name: `${peer.name}-hello`,
    originalName: 'hello',
    customNameSlug: 'hello',
    mimeType: 'text/plain',
    gatewayId: peer.id,
    enabled: true,
    tags: [],
    visibility: 'public',
  }));

export const promptRecords = (): readonly Record<string, unknown>[] =>
  PEERS.map((peer, i) => ({
    id: `eeea10e9a8a04d0eba6e6217d925820${i}`,
    name: `${peer.name}-greeting`,
    originalName: 'greeting',
    customName: 'greeting',
    customNameSlug: 'greeting',
    displayName: 'greeting',
    gatewayId: peer.id,
    gatewaySlug: peer.name,
    description: 'Greets a user',
    arguments: [{ name: 'user', description: '', required: true }],
    enabled: true,
    tags: [],
    visibility: 'public',
  }));

/** GET /servers: the seeded virtual server with every tool, one resource and both prompts. */
export function serverRecord(serverId: string, gatewayUrl: string, peers: PeerUrls): Record<string, unknown> {
  const tools = toolRecords(gatewayUrl, peers);
  return {
    id: serverId,
    name: 'loadtest',
    description: 'JMeter target',
    icon: null,
    enabled: true,
    url: `${gatewayUrl}/servers/${serverId}/mcp`,
    associatedTools: tools.map((t) => t.name),
    associatedToolIds: tools.map((t) => t.id),
    associatedResources: [resourceRecords()[0]!.id],
    associatedPrompts: promptRecords().map((p) => p.id),
    associatedA2aAgents: [],
    tags: [{ id: 'loadtest', label: 'loadtest' }],
    visibility: 'public',
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny loopback HTTP target that records the Authorization headers it receives. */
export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  readonly authorizations: Set<string>;
  /** X-Engine header values: which JMeter engine sent the request (the fixture plan sets it). */
  readonly engines: Set<string>;
  requests: number;
  close(): Promise<void>;
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    state.authorizations.add(req.headers.authorization ?? '');
    state.engines.add(String(req.headers['x-engine'] ?? ''));
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"healthy"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: LoopbackServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    authorizations: new Set(),
    engines: new Set(),
    requests: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
  return state;
}

/** A loopback port nothing listens on (bound once, then released): connections are refused. */
export async function closedPort(): Promise<number> {
  const s = await startLoopbackServer();
  await s.close();
  return s.port;
}

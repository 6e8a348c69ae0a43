import { startTarget, type TargetOptions } from '../../src/target/index.js';

/** The embedded gateway target on loopback, with the properties a run passes in its -q file. */
export interface TestGateway {
  readonly properties: Readonly<Record<string, string>>;
  requestCount(): number;
  openMcpSessions(): number;
  close(): Promise<void>;
}

export async function startTestGateway(options: TargetOptions = {}): Promise<TestGateway> {
  // The plans' short runs (a 3-s admin journey) must not spend their window on the realistic login hash (64 MiB,
  // seconds on a busy machine): 1 MiB keeps the hash, at a few ms. test/conformance measures the realistic one.
  const t = await startTarget({ port: 0, fastTimePort: 0, fastTestPort: 0, adminLoginHashKiB: 1024, ...options });
  return {
    properties: {
      GATEWAY_URL: t.url,
      TOKEN: t.token,
      SERVER_ID: t.serverId,
      FAST_TIME_URL: t.fastTimeUrl,
      FAST_TEST_URL: t.fastTestUrl,
      ADMIN_EMAIL: t.adminEmail,
      ADMIN_PASSWORD: t.adminPassword,
    },
    requestCount: () => t.requestCount(),
    openMcpSessions: () => t.openMcpSessions(),
    close: () => t.close(),
  };
}

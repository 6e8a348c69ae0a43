import { startMiniGateway } from './fixtures/mini-gateway.js';

/** The loopback gateway the real runs use, with the properties a run passes in its -q file. */
export interface TestGateway {
  readonly properties: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export async function startTestGateway(): Promise<TestGateway> {
  const g = await startMiniGateway();
  return {
    properties: {
      GATEWAY_URL: g.url,
      TOKEN: g.token,
      SERVER_ID: g.serverId,
      FAST_TIME_URL: g.url,
      FAST_TEST_URL: g.url,
      ADMIN_EMAIL: g.adminEmail,
      ADMIN_PASSWORD: g.adminPassword,
    },
    close: () => g.close(),
  };
}

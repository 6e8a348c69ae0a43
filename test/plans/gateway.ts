import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startMiniGateway } from './fixtures/mini-gateway.js';

/** The loopback gateway the real runs use, with the properties a run passes in its -q file. */
export interface TestGateway {
  readonly kind: 'embedded target (src/target)' | 'minimal test gateway (test/plans/fixtures)';
  readonly properties: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** What src/target/index.ts's startTarget resolves to (the embedded gateway target's public API). */
interface Target {
  readonly url: string;
  readonly serverId: string;
  readonly token: string;
  readonly fastTimeUrl: string;
  readonly fastTestUrl: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  close(): Promise<void>;
}

const targetModule = new URL('../../src/target/index.ts', import.meta.url);

/**
 * The embedded target when src/target exists; until then the minimal stand-in. The module is
 * imported by URL so this file compiles whether or not src/target is there yet.
 */
export async function startTestGateway(): Promise<TestGateway> {
  if (existsSync(fileURLToPath(targetModule)) && process.env.PLANS_MINI_GATEWAY !== '1') {
    const { startTarget } = (await import(targetModule.href)) as { startTarget: (o?: object) => Promise<Target> };
    const t = await startTarget({ port: 0, fastTimePort: 0, fastTestPort: 0 });
    return {
      kind: 'embedded target (src/target)',
      properties: {
        GATEWAY_URL: t.url, TOKEN: t.token, SERVER_ID: t.serverId, FAST_TIME_URL: t.fastTimeUrl,
        FAST_TEST_URL: t.fastTestUrl, ADMIN_EMAIL: t.adminEmail, ADMIN_PASSWORD: t.adminPassword,
      },
      close: () => t.close(),
    };
  }
  const g = await startMiniGateway();
  return {
    kind: 'minimal test gateway (test/plans/fixtures)',
    properties: {
      GATEWAY_URL: g.url, TOKEN: g.token, SERVER_ID: g.serverId, FAST_TIME_URL: g.url,
      FAST_TEST_URL: g.url, ADMIN_EMAIL: g.adminEmail, ADMIN_PASSWORD: g.adminPassword,
    },
    close: () => g.close(),
  };
}

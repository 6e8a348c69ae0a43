import { readFileSync } from 'node:fs';

import { afterAll, beforeAll } from 'vitest';

import { describeConformance } from '../conformance/suite.js';
import { startRealGateway, type RealGateway } from './real-gateway.js';

/**
 * The conformance cases against a real ContextForge: the same cases and assertions as against the stand-in
 * (test/conformance/conformance.test.ts). Each group of settings after the defaults restarts the gateway once.
 */
let gateway: RealGateway | undefined;

beforeAll(async () => {
  gateway = await startRealGateway();
});

afterAll(async () => {
  await gateway?.stop();
});

describeConformance({
  name: 'the real gateway',
  open: async (settings, firstGroup) => {
    if (gateway === undefined) throw new Error('the gateway did not start');
    if (!firstGroup) await gateway.restart(settings);
    return {
      kind: 'gateway',
      url: gateway.url,
      wsUrl: `${gateway.url.replace(/^http/, 'ws')}/ws`,
      token: readFileSync(gateway.tokenFile, 'utf8').trim(),
      serverId: gateway.serverId,
      // scripts/gateway/gateway.env: PLATFORM_ADMIN_EMAIL
      adminEmail: 'admin@example.com',
      adminPassword: readFileSync(gateway.adminPasswordFile, 'utf8').trim(),
      fastTimeUrl: gateway.fastTimeUrl,
      fastTestUrl: gateway.fastTestUrl,
    };
  },
});

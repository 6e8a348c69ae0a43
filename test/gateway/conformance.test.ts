import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, it } from 'vitest';

import { bySettings, caseList, casesPerArea, type ConformanceCase, type Endpoint } from '../conformance/case.js';
import { CONFORMANCE_CASES } from '../conformance/cases/index.js';
import { startRealGateway, type RealGateway } from './real-gateway.js';

/**
 * The conformance cases against a real ContextForge: the same cases and assertions as against the stand-in
 * (test/conformance/conformance.test.ts). Each group of settings restarts the gateway once.
 */
let gateway: RealGateway | undefined;
const passed = new Set<ConformanceCase>();

beforeAll(async () => {
  gateway = await startRealGateway();
});

afterAll(async () => {
  await gateway?.stop();
  console.log(`conformance against the real gateway: ${casesPerArea(CONFORMANCE_CASES)}\n${caseList(CONFORMANCE_CASES, passed)}`);
});

const endpointOf = (g: RealGateway): Endpoint => ({
  kind: 'gateway',
  url: g.url,
  wsUrl: `${g.url.replace(/^http/, 'ws')}/ws`,
  token: readFileSync(g.tokenFile, 'utf8').trim(),
  serverId: g.serverId,
  // scripts/gateway/gateway.env: PLATFORM_ADMIN_EMAIL
  adminEmail: 'admin@example.com',
  adminPassword: readFileSync(g.adminPasswordFile, 'utf8').trim(),
  fastTimeUrl: g.fastTimeUrl,
  fastTestUrl: g.fastTestUrl,
});

let first = true;
for (const { settings, cases } of bySettings(CONFORMANCE_CASES).values()) {
  const settingsText = Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults';
  const restart = !first;
  first = false;
  describe(`the real gateway with ${settingsText}`, () => {
    let endpoint: Endpoint | undefined;
    beforeAll(async () => {
      if (gateway === undefined) throw new Error('the gateway did not start');
      if (restart) await gateway.restart(settings);
      endpoint = endpointOf(gateway);
    });
    for (const c of cases) {
      it(`${c.area}: ${c.name}`, async () => {
        if (endpoint === undefined) throw new Error('the gateway did not start');
        await c.run(endpoint);
        passed.add(c);
      }, c.timeoutMs);
    }
  });
}

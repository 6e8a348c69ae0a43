import { afterAll, beforeAll, describe, it } from 'vitest';

import { startTarget, targetOptionsFromSettings, type RunningTarget } from '../../src/target/index.js';
import { bySettings, caseList, casesPerArea, type ConformanceCase, type Endpoint } from './case.js';
import { CONFORMANCE_CASES } from './cases/index.js';

/** Every conformance case against the embedded stand-in (the same cases run against the real gateway in the gateway tier). */
const endpointOf = (t: RunningTarget): Endpoint => ({
  kind: 'stand-in',
  url: t.url,
  wsUrl: t.wsUrl,
  token: t.token,
  serverId: t.serverId,
  adminEmail: t.adminEmail,
  adminPassword: t.adminPassword,
  fastTimeUrl: t.fastTimeUrl,
  fastTestUrl: t.fastTestUrl,
});

const passed = new Set<ConformanceCase>();
afterAll(() => console.log(`conformance against the stand-in: ${casesPerArea(CONFORMANCE_CASES)}\n${caseList(CONFORMANCE_CASES, passed)}`));

for (const { settings, cases } of bySettings(CONFORMANCE_CASES).values()) {
  const settingsText = Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults';
  describe(`the stand-in with ${settingsText}`, () => {
    let target: RunningTarget | undefined;
    let endpoint: Endpoint | undefined;
    beforeAll(async () => {
      target = await startTarget(targetOptionsFromSettings(settings));
      endpoint = endpointOf(target);
    });
    afterAll(async () => target?.close());
    for (const c of cases) {
      it(`${c.area}: ${c.name}`, async () => {
        if (endpoint === undefined) throw new Error('the stand-in did not start');
        await c.run(endpoint);
        passed.add(c);
      }, c.timeoutMs);
    }
  });
}

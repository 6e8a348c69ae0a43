import { afterAll, beforeAll, describe, it } from 'vitest';

import type { GatewaySettings } from '../../src/target/index.js';
import { bySettings, caseList, casesPerArea, settingsText, type ConformanceCase, type Endpoint } from './case.js';
import { CONFORMANCE_CASES } from './cases/index.js';

/** A server the cases run against: readied once per settings group (the defaults' group first). */
export interface ConformanceServer {
  /** e.g. "the stand-in", "the real gateway". */
  readonly name: string;
  /** Makes the server answer with these settings; `firstGroup` is true for the first group (the defaults). */
  open(settings: GatewaySettings, firstGroup: boolean): Promise<Endpoint>;
  /** Called after each group's cases. */
  closeGroup?(): Promise<void>;
}

/** Registers every conformance case against `server`, one describe per settings group, and prints the case list at the end. */
export function describeConformance(server: ConformanceServer): void {
  const passed = new Set<ConformanceCase>();
  afterAll(() => console.log(`conformance against ${server.name}: ${casesPerArea(CONFORMANCE_CASES)}\n${caseList(CONFORMANCE_CASES, passed)}`));
  [...bySettings(CONFORMANCE_CASES).values()].forEach(({ settings, cases }, group) => {
    describe(`${server.name} with ${settingsText(settings) || 'defaults'}`, () => {
      let endpoint: Endpoint | undefined;
      beforeAll(async () => {
        endpoint = await server.open(settings, group === 0);
      });
      afterAll(async () => server.closeGroup?.());
      for (const c of cases) {
        it(`${c.area}: ${c.name}`, async () => {
          if (endpoint === undefined) throw new Error(`${server.name} did not start`);
          await c.run(endpoint);
          passed.add(c);
        }, c.timeoutMs);
      }
    });
  });
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { renderJmx, toNode } from '../../src/jmx/index.js';
import { checkPlans, renderAllPlans, renderPlan } from '../../src/plans/build.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { allElementsPlan } from './all-elements.js';

/**
 * The ten plans have one source of truth: the committed plans/, which `jtl plans check` (CI) compares with the
 * definitions. The every-element plan is no catalogue plan: its golden file lives here. A missing golden file fails;
 * UPDATE_GOLDEN=1 writes it (then review the diff).
 */
const allElementsGolden = fileURLToPath(new URL('../golden/all-elements.jmx', import.meta.url));

describe('golden .jmx files', () => {
  it('one plan holding every element kind (test/golden/all-elements.jmx)', () => {
    const content = renderPlan('all_elements', allElementsPlan);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(allElementsGolden, content);
    expect(existsSync(allElementsGolden), `${allElementsGolden} is missing: UPDATE_GOLDEN=1 writes it`).toBe(true);
    expect(content, 'differs from test/golden/all-elements.jmx (UPDATE_GOLDEN=1 to accept)').toBe(readFileSync(allElementsGolden, 'utf8'));
  });

  it('plans/ in the repository is exactly what the definitions produce (`jtl plans check`)', async () => {
    const r = await checkPlans();
    expect(r.differing).toEqual([]);
    expect(r.extra).toEqual([]);
    expect(renderAllPlans().filter((f) => f.path.endsWith('.jmx')).map((f) => f.path)).toEqual(Object.keys(PLAN_DEFINITIONS).map((n) => `${n}.jmx`));
  });
});

describe('determinism', () => {
  it('the same definitions give byte-identical files', () => {
    expect(renderAllPlans().map((f) => f.content)).toEqual(renderAllPlans().map((f) => f.content));
    expect(renderJmx(toNode(allElementsPlan))).toBe(renderJmx(toNode(allElementsPlan)));
  });
});

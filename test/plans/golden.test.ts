import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { renderJmx, toNode } from '../../src/jmx/index.js';
import { checkPlans, renderAllPlans, renderPlan } from '../../src/plans/build.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { allElementsPlan } from './all-elements.js';

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** Compare with test/golden/<file>; UPDATE_GOLDEN=1 rewrites the golden file (then review the diff). */
function expectGolden(file: string, content: string): void {
  const path = join(goldenDir, file);
  if (update || !existsSync(path)) writeFileSync(path, content);
  expect(content, `${file} differs from test/golden (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(path, 'utf8'));
}

const rendered = renderAllPlans();

describe('golden .jmx files', () => {
  it('one plan holding every element kind', () => {
    expectGolden('all-elements.jmx', renderPlan('all_elements', allElementsPlan));
  });

  it.each(Object.keys(PLAN_DEFINITIONS))('%s', (name) => {
    const file = rendered.find((f) => f.path === `${name}.jmx`);
    expectGolden(`${name}.jmx`, file?.content ?? '');
  });
});

describe('determinism', () => {
  it('the same definitions give byte-identical files', () => {
    const a = rendered.map((f) => f.content);
    const b = renderAllPlans().map((f) => f.content);
    expect(b).toEqual(a);
    expect(renderJmx(toNode(allElementsPlan))).toBe(renderJmx(toNode(allElementsPlan)));
  });

  it('plans/ in the repository matches the definitions (`jtl plans check`)', async () => {
    const r = await checkPlans();
    expect(r.differing).toEqual([]);
  });
});

import type { TestPlan } from './elements/test-plan.js';
import { SAMPLER_KINDS, type Element } from './placement.js';
import { childrenOf } from './to-node.js';

/** Every sampler label of a plan, in tree order: what its JTL must contain after a run. */
export function samplerLabels(plan: TestPlan): readonly string[] {
  const out: string[] = [];
  const walk = (e: Element): void => {
    if (SAMPLER_KINDS.has(e.kind)) out.push(e.name);
    childrenOf(e).forEach(walk);
  };
  plan.children.forEach(walk);
  return out;
}

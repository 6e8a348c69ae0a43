import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ToolkitError } from '../errors.js';
import { renderPlan } from './build.js';
import { DATA_FILES } from './data.js';
import { PLAN_DEFINITIONS } from './definitions.js';
import { knobsOf } from './properties-doc.js';

const rendered = new Map<string, string>();

/** The .jmx a definition renders now (memoised: a definition does not change while the process runs). */
export function renderedPlan(name: string): string {
  const definition = PLAN_DEFINITIONS[name];
  if (definition === undefined) throw new ToolkitError('PLAN_UNKNOWN', `no plan definition named ${name}`, { plan: name });
  let xml = rendered.get(name);
  if (xml === undefined) rendered.set(name, (xml = renderPlan(name, definition)));
  return xml;
}

/** Every `${__P(NAME,default)}` of the plan as its definition renders it now. */
export const planDefaults = (name: string): ReadonlyMap<string, string> => knobsOf(renderedPlan(name));

/** The plan's .jmx and the data files in `dir` that differ from (or are missing against) the definitions. */
export async function planDrift(name: string, dir: string): Promise<readonly string[]> {
  const expected = [{ path: `${name}.jmx`, content: renderedPlan(name) }, ...DATA_FILES.map((d) => ({ path: join('data', d.file), content: d.content }))];
  const differing: string[] = [];
  for (const f of expected) {
    const onDisk = await readFile(join(dir, f.path), 'utf8').catch(() => undefined);
    if (onDisk !== f.content) differing.push(join(dir, f.path));
  }
  return differing;
}

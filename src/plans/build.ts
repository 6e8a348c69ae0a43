import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import { ToolkitError } from '../errors.js';
import { lintJmx, renderJmx, toNode, validatePlan, type TestPlan } from '../jmx/index.js';
import { DATA_FILES } from './data.js';
import { PLAN_DEFINITIONS } from './definitions.js';
import { plansDir } from './paths.js';
import { renderPropertiesDoc } from './properties-doc.js';

/** A file of plans/: a .jmx or a CSV under data/, path relative to plans/. */
export interface PlanFile {
  readonly path: string;
  readonly content: string;
}

/** Validate, render and lint one definition. Throws ToolkitError PLAN_* naming the plan. */
export function renderPlan(name: string, plan: TestPlan): string {
  validatePlan(name, plan);
  const xml = renderJmx(toNode(plan));
  const findings = lintJmx(xml);
  if (findings.length > 0) {
    const list = findings.map((f) => `${f.path}: ${f.rule}: ${f.message}`).join('; ');
    throw new ToolkitError('PLAN_LINT', `plan ${name}: ${findings.length} lint finding(s): ${list}`, { plan: name, findings });
  }
  return xml;
}

/** Every file plans/ must hold, in a stable order. */
export function renderAllPlans(definitions: Readonly<Record<string, TestPlan>> = PLAN_DEFINITIONS): readonly PlanFile[] {
  const plans = Object.entries(definitions).map(([name, plan]) => ({ path: `${name}.jmx`, content: renderPlan(name, plan) }));
  const data = DATA_FILES.map((d) => ({ path: `data/${d.file}`, content: d.content }));
  return [...plans, ...data, { path: 'PROPERTIES.md', content: renderPropertiesDoc(plans) }];
}

/** Writes every file of plans/; a file whose content is already right is left alone (readers never see it half-written). */
export async function buildPlans(o: { outDir?: string } = {}): Promise<{ outDir: string; written: readonly string[]; changed: readonly string[] }> {
  const outDir = o.outDir ?? plansDir();
  const files = renderAllPlans();
  await mkdir(join(outDir, 'data'), { recursive: true });
  const changed: string[] = [];
  for (const f of files) {
    const path = join(outDir, f.path);
    if ((await readFile(path, 'utf8').catch(() => undefined)) === f.content) continue;
    await writeFile(path, f.content, 'utf8');
    changed.push(path);
  }
  return { outDir, written: files.map((f) => join(outDir, f.path)), changed };
}

export interface PlansCheck {
  readonly dir: string;
  /** Files the definitions produce that are missing from `dir` or differ there. */
  readonly differing: readonly string[];
  /** Files in `dir` the definitions do not produce (a renamed or removed plan's leftover). */
  readonly extra: readonly string[];
}

/** Compares `dir` with what the definitions produce, file by file, both ways. */
export async function checkPlans(o: { dir?: string } = {}): Promise<PlansCheck> {
  const dir = o.dir ?? plansDir();
  const expected = renderAllPlans();
  const differing: string[] = [];
  for (const f of expected) {
    const onDisk = await readFile(join(dir, f.path), 'utf8').catch(() => undefined);
    if (onDisk !== f.content) differing.push(join(dir, f.path));
  }
  const produced = new Set(expected.map((f) => f.path));
  const onDisk = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const extra = onDisk
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !produced.has(path.split(sep).join('/')))
    .map((path) => join(dir, path))
    .sort();
  return { dir, differing, extra };
}

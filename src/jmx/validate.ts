import { ToolkitError } from '../errors.js';
import type { TestPlan } from './elements/test-plan.js';
import { SAMPLER_KINDS, type Element } from './placement.js';
import { text, type TextValue } from './props.js';
import { childrenOf, leafOf } from './to-node.js';

/** What invalidates a definition, before any XML is written. Throws ToolkitError PLAN_*. */
export function validatePlan(planName: string, plan: TestPlan): void {
  const labels = new Map<string, string>();
  const walk = (e: Element, parent: string): void => {
    const path = `${parent}/${segment(e)}`;
    const fail = (code: string, field: string, what: string): never => {
      throw new ToolkitError(`PLAN_${code}`, `plan ${planName}: ${path}: ${field} ${what}`, { plan: planName, path, field });
    };
    if (e.name.trim() === '') fail('MISSING_FIELD', 'name', 'is empty');
    if (SAMPLER_KINDS.has(e.kind)) {
      const seen = labels.get(e.name);
      if (seen !== undefined) fail('DUPLICATE_LABEL', 'label', `"${e.name}" is also used by ${seen}; labels must be unique`);
      labels.set(e.name, path);
    }
    checkElement(e, fail);
    for (const c of childrenOf(e)) walk(c, path);
  };
  checkVariables(planName, plan);
  for (const c of plan.children) walk(c, 'TestPlan');
}

type Fail = (code: string, field: string, what: string) => never;

function checkElement(e: Element, fail: Fail): void {
  switch (e.kind) {
    case 'httpSampler':
      checkPath(e.request.path, fail);
      if (e.request.body !== undefined && text(e.request.body).trim() === '') fail('MISSING_FIELD', 'body', 'is empty');
      return;
    case 'threadGroup':
    case 'setupThreadGroup':
    case 'teardownThreadGroup':
      if (typeof e.options.threads === 'number' && e.options.threads < 1) fail('BAD_VALUE', 'threads', 'must be ≥ 1');
      return;
    case 'csvDataSet':
      if (text(e.filename).trim() === '') fail('MISSING_FIELD', 'filename', 'is empty');
      if (e.variableNames.length === 0) fail('MISSING_FIELD', 'variableNames', 'is empty');
      return;
    case 'jsr223Sampler':
    case 'jsr223PreProcessor':
    case 'jsr223PostProcessor':
      if (e.script.trim() === '') fail('MISSING_FIELD', 'script', 'is empty');
      return;
    case 'wsRequestResponse':
    case 'wsSingleWrite':
      if (text(e.payload).trim() === '') fail('MISSING_FIELD', 'payload', 'is empty');
      return;
    case 'jsonAssertion':
    case 'jsonExtractor':
      if (!e.path.startsWith('$')) fail('BAD_VALUE', 'path', `"${e.path}" is not a JSONPath (must start with $)`);
      return;
    default:
      return;
  }
}

function checkPath(path: TextValue, fail: Fail): void {
  const p = text(path);
  if (p === '') fail('MISSING_FIELD', 'path', 'is empty');
  if (/^[a-z]+:/i.test(p)) {
    if (!/^https?:\/\//i.test(p)) fail('BAD_URL', 'path', `"${p}" must be http(s)://… or start with /`);
    if (!p.includes('${')) {
      try {
        new URL(p);
      } catch {
        fail('BAD_URL', 'path', `"${p}" is not a valid URL`);
      }
    }
    return;
  }
  if (!p.startsWith('/') && !p.startsWith('${')) fail('BAD_URL', 'path', `"${p}" must start with / or be a full URL`);
  if (/\s/.test(p)) fail('BAD_URL', 'path', `"${p}" contains whitespace`);
}

function checkVariables(planName: string, plan: TestPlan): void {
  const seen = new Set<string>();
  for (const v of plan.variables) {
    if (seen.has(v.name)) {
      throw new ToolkitError('PLAN_DUPLICATE_VARIABLE', `plan ${planName}: TestPlan: variable ${v.name} is defined twice`, {
        plan: planName,
        field: v.name,
      });
    }
    seen.add(v.name);
  }
}

const segment = (e: Element): string => `${leafOf(e).tag}[${e.name}]`;

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { parse } from 'yaml';

/**
 * Runs a workflow job's steps the way a GitHub runner does, as far as `run:` steps go: in order, with
 * GITHUB_ACTIONS=true and GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY as files, expressions for inputs,
 * vars, secrets, github.*, runner.os and steps.*.outputs, a local composite action (`uses: ./`) expanded, and
 * `uses:` of marketplace actions (checkout, setup-node, cache, upload-artifact) recorded but not run.
 */
export interface SimulatedRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly summary: string;
  readonly skipped: readonly string[];
  readonly outputs: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly if?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}

interface Context {
  readonly inputs: Record<string, string>;
  readonly vars: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly workspace: string;
  readonly actionPath: string;
  readonly steps: Record<string, Record<string, string>>;
}

/** The expressions the project's workflow and action use; anything else is an error, not a silent ''. */
function evaluate(expr: string, c: Context): string {
  const alternatives = expr.split('||').map((s) => s.trim());
  for (const alt of alternatives) {
    const value = term(alt, c);
    if (value !== '') return value;
  }
  return '';
}

function term(t: string, c: Context): string {
  const literal = /^'(.*)'$/.exec(t);
  if (literal) return literal[1]!.replaceAll("''", "'");
  const [head, ...rest] = t.split('.');
  const key = rest.join('.');
  switch (head) {
    case 'inputs': return c.inputs[key] ?? '';
    case 'vars': return c.vars[key] ?? '';
    case 'secrets': return c.secrets[key] ?? '';
    case 'runner': if (key === 'os') return 'Linux'; break;
    case 'github':
      if (key === 'action_path') return c.actionPath;
      if (key === 'workspace') return c.workspace;
      if (key === 'ref') return 'refs/pull/1/merge';
      break;
    case 'steps': {
      const m = /^([\w-]+)\.outputs\.([\w-]+)$/.exec(key);
      if (m) return c.steps[m[1]!]?.[m[2]!] ?? '';
    }
  }
  throw new Error(`simulator: unsupported expression "${t}"`);
}

const expand = (text: string, c: Context): string => text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => evaluate(e, c));

/** `if:` as the workflow writes it: `always() && X != ''` and the like. */
function condition(expr: string | undefined, failed: boolean, c: Context): boolean {
  if (expr === undefined) return !failed;
  const parts = expr.replace(/^\$\{\{\s*|\s*\}\}$/g, '').split('&&').map((s) => s.trim());
  let always = false;
  for (const p of parts) {
    if (p === 'always()') always = true;
    else if (p === 'success()') always = false;
    else {
      const m = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(p);
      if (!m) throw new Error(`simulator: unsupported condition "${p}"`);
      const equal = evaluate(m[1]!, c) === evaluate(m[3]!, c);
      if ((m[2] === '==') !== equal) return false;
    }
  }
  return always || !failed;
}

export async function simulateJob(o: {
  readonly workspace: string;
  readonly workflow: string;
  readonly job: string;
  readonly vars?: Readonly<Record<string, string>>;
  readonly secrets?: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly tmp: string;
}): Promise<SimulatedRun> {
  const workflow = parse(readFileSync(join(o.workspace, o.workflow), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const summaryFile = join(o.tmp, 'step-summary.md');
  const envFile = join(o.tmp, 'github-env');
  writeFileSync(summaryFile, '');
  writeFileSync(envFile, '');
  const outer: Context = { inputs: {}, vars: o.vars ?? {}, secrets: o.secrets ?? {}, workspace: o.workspace, actionPath: o.workspace, steps: {} };
  const skipped: string[] = [];
  let stdout = '';
  let failedWith = 0;
  let counter = 0;
  const added: Record<string, string> = {};

  const runStep = async (step: Step, c: Context): Promise<number> => {
    const outputFile = join(o.tmp, `output-${++counter}`);
    writeFileSync(outputFile, '');
    const env = {
      ...o.env, ...added, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: o.workspace, RUNNER_OS: 'Linux',
      GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_ENV: envFile,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), c)])),
    };
    const cwd = step['working-directory'] ? expand(step['working-directory'], c) : o.workspace;
    const r = await execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, c)], { cwd, env, extendEnv: false, reject: false, all: true });
    stdout += r.stdout + '\n';
    appendFileSync(join(o.tmp, 'all-output.log'), r.all + '\n');
    const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (step.id) c.steps[step.id] = outputs;
    for (const line of readFileSync(envFile, 'utf8').split('\n')) if (line.includes('=')) added[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    return r.exitCode ?? 1;
  };

  for (const step of workflow.jobs[o.job]!.steps) {
    if (!condition(step.if, failedWith !== 0, outer)) continue;
    if (step.uses === './') {
      const action = parse(readFileSync(join(o.workspace, 'action.yml'), 'utf8')) as {
        inputs: Record<string, { default?: string }>;
        outputs: Record<string, { value: string }>;
        runs: { steps: Step[] };
      };
      const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
      for (const [k, v] of Object.entries(step.with ?? {})) {
        const value = expand(String(v), outer);
        if (!(k in action.inputs)) throw new Error(`simulator: action has no input "${k}"`);
        inputs[k] = value;
      }
      const inner: Context = { ...outer, inputs, steps: {} };
      for (const s of action.runs.steps) {
        if (failedWith !== 0) break;
        if (s.uses !== undefined) skipped.push(s.uses);
        else failedWith = await runStep(s, inner);
      }
      if (step.id) outer.steps[step.id] = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value, inner)]));
    } else if (step.uses !== undefined) skipped.push(step.uses);
    else if (failedWith === 0) failedWith = await runStep(step, outer);
  }
  return { exitCode: failedWith, stdout, summary: readFileSync(summaryFile, 'utf8'), skipped, outputs: outer.steps };
}

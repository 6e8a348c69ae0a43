import { existsSync } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { ToolkitError } from '../errors.js';
import type { AnalyzeOptions } from '../jtl/analyze.js';
import { parseBaseline } from './baseline-file.js';
import { digestJtl } from './digest.js';
import type { RunDigest } from './types.js';

export type ReadOptions = Omit<AnalyzeOptions, 'files' | 'onSample' | 'percentiles' | 'mode'>;

/** A run folder's JTL and plan name (summary.json, else the folder name `<plan>_<timestamp>`). */
export interface RunFolderInfo {
  readonly dir: string;
  readonly jtl: string;
  readonly plan?: string;
}

const FOLDER_NAME = /^(.+)_(\d{8}-\d{6})(?:-\d+)?$/;

/**
 * One side of a comparison from what the user named: a saved baseline (.json), a run folder (results/<run>/ or
 * results/latest), a JTL, or several JTLs merged (comma-separated).
 */
export async function loadDigest(input: string, options: ReadOptions = {}): Promise<RunDigest> {
  if (input.endsWith('.json') && existsSync(input)) return parseBaseline(await readFile(input, 'utf8'), input);
  if (existsSync(input) && (await stat(input)).isDirectory()) {
    const folder = await runFolder(input);
    return (await digestJtl([folder.jtl], options, folder.plan)).digest;
  }
  const files = existsSync(input) ? [input] : input.split(',').filter((f) => f !== '');
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new ToolkitError('CMP_NO_INPUT', `${missing.join(', ')}: no such file or folder; give a JTL, several JTLs as a,b, a run folder or a baseline .json`, { files: missing });
  }
  return (await digestJtl(files, options)).digest;
}

export async function runFolder(dir: string): Promise<RunFolderInfo> {
  const jtl = join(dir, 'results.jtl');
  if (!existsSync(jtl)) {
    const hint = (await readdir(dir)).some((n) => FOLDER_NAME.test(n)) ? '; it holds run folders: name one, or run `jtl compare` without inputs for the two newest' : '';
    throw new ToolkitError('CMP_NO_INPUT', `${dir}: not a run folder (no results.jtl)${hint}`, { dir });
  }
  return { dir, jtl, ...(await planOf(dir)) };
}

async function planOf(dir: string): Promise<{ plan?: string }> {
  try {
    const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as { plan?: { name?: unknown } };
    if (typeof summary.plan?.name === 'string') return { plan: summary.plan.name };
  } catch {
    // no or unreadable summary.json: the folder name says the plan
  }
  const m = FOLDER_NAME.exec(basename(await realpath(dir)));
  return m ? { plan: m[1]! } : {};
}

/**
 * The newest `count` run folders under `resultsDir` that recorded samples (a run that stopped before its first
 * sample is skipped), oldest first; runs of different plans are refused unless allowed. Order: the folder's
 * UTC timestamp, then its modification time.
 */
export async function newestRuns(resultsDir: string, count: number, allowDifferentPlans: boolean): Promise<RunFolderInfo[]> {
  const names = existsSync(resultsDir) ? await readdir(resultsDir) : [];
  const seen = new Set<string>();
  const candidates: Array<{ info: RunFolderInfo; key: string }> = [];
  for (const name of names) {
    const dir = join(resultsDir, name);
    const real = await realpath(dir).catch(() => dir);
    if (seen.has(real) || !(await stat(real).catch(() => undefined))?.isDirectory()) continue;
    seen.add(real);
    const jtl = join(dir, 'results.jtl');
    if (!(await hasSamples(jtl))) continue;
    const m = FOLDER_NAME.exec(basename(real));
    const mtime = (await stat(jtl)).mtimeMs;
    candidates.push({ info: { dir: real, jtl: join(real, 'results.jtl'), ...(await planOf(real)) }, key: `${m ? m[2] : ''}|${String(Math.floor(mtime)).padStart(16, '0')}` });
  }
  candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const picked = candidates.slice(-count).map((c) => c.info);
  if (picked.length < count) {
    throw new ToolkitError('CMP_NO_INPUT', `${resultsDir}: ${picked.length} run folder(s) with samples, ${count} needed; run a plan first, or name BASELINE and CURRENT`, { dir: resultsDir });
  }
  const plans = new Set(picked.map((p) => p.plan ?? '?'));
  if (!allowDifferentPlans && plans.size > 1) {
    throw new ToolkitError('CMP_DIFFERENT_PLANS', `the newest runs in ${resultsDir} are of different plans (${picked.map((p) => `${basename(p.dir)}: ${p.plan ?? 'unknown'}`).join(', ')}); name the runs to compare, or pass --allow-different-plans`, { dirs: picked.map((p) => p.dir) });
  }
  return picked;
}

/** Whether a JTL holds at least one record after its header (reads only the first 64 KiB). */
async function hasSamples(jtl: string): Promise<boolean> {
  const handle = await open(jtl, 'r').catch(() => undefined);
  if (handle === undefined) return false;
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    if (text.startsWith('<?xml') || text.startsWith('<')) return /<(httpSample|sample)\b/.test(text);
    const firstEnd = text.indexOf('\n');
    return firstEnd >= 0 && text.slice(firstEnd + 1).trim().length > 0;
  } finally {
    await handle.close();
  }
}

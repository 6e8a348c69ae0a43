import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
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


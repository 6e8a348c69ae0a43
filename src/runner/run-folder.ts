import { copyFile, mkdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

import type { RunFolder } from './types.js';

/** `20261123-034501`, in UTC so that folder names sort in run order on any machine. */
export const folderTimestamp = (at: Date): string =>
  at.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');

/** Creates results/<plan>_<timestamp>/ (with a -2, -3… suffix if that exists) and copies the plan into it. */
export async function createRunFolder(outDir: string, planName: string, planPath: string, at: Date): Promise<RunFolder> {
  await mkdir(outDir, { recursive: true });
  const base = join(resolve(outDir), `${planName}_${folderTimestamp(at)}`);
  let dir = base;
  for (let n = 2; !(await mkdirIfAbsent(dir)); n += 1) dir = `${base}-${n}`;
  const folder: RunFolder = {
    dir,
    planCopy: join(dir, basename(planPath)),
    jtl: join(dir, 'results.jtl'),
    log: join(dir, 'jmeter.log'),
    properties: join(dir, 'run.properties'),
    summary: join(dir, 'summary.json'),
  };
  await copyFile(planPath, folder.planCopy);
  return folder;
}

async function mkdirIfAbsent(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Points <outDir>/latest at the run folder (relative link, replaced atomically). */
export async function updateLatest(outDir: string, folder: RunFolder): Promise<void> {
  const link = join(resolve(outDir), 'latest');
  const temp = `${link}.${process.pid}.tmp`;
  await rm(temp, { force: true });
  await symlink(basename(folder.dir), temp);
  await rename(temp, link);
}

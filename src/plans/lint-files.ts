import { readFile } from 'node:fs/promises';

import { ToolkitError } from '../errors.js';
import { lintJmx, type LintFinding } from '../jmx/index.js';

export interface FileLint {
  readonly file: string;
  readonly findings: readonly LintFinding[];
}

/** Lint .jmx files on disk; an unreadable or malformed file is a PLAN_* error naming it. */
export async function lintFiles(files: readonly string[]): Promise<readonly FileLint[]> {
  const out: FileLint[] = [];
  for (const file of files) {
    const xml = await readFile(file, 'utf8').catch((cause: unknown) => {
      throw new ToolkitError('PLAN_FILE_UNREADABLE', `${file}: cannot read (${(cause as Error).message})`, { file }, { cause });
    });
    try {
      out.push({ file, findings: lintJmx(xml) });
    } catch (cause) {
      const msg = (cause as Error).message.split('\n').join(' ');
      throw new ToolkitError('PLAN_BAD_XML', `${file}: not a well-formed .jmx (${msg})`, { file }, { cause });
    }
  }
  return out;
}

import { appendFile, writeFile } from 'node:fs/promises';

import type { Finding } from '../../findings/finding.js';
import { findingsAnnotations } from '../../output/annotations.js';
import { findingsJson } from '../../output/findings-json.js';
import { findingsToJunit } from '../../output/junit.js';
import { findingsMarkdown } from '../../output/markdown.js';
import { findingsTable } from '../../output/terminal.js';

export interface FindingsOutputOptions {
  readonly json?: boolean;
  readonly junit?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WriteStream;
  /** Extra fields of the JSON (run folder, profile). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Every place findings go: the terminal table or --json on stdout, --junit, the step summary when
 * $GITHUB_STEP_SUMMARY is set, workflow commands (on stdout, where the runner reads them) when GITHUB_ACTIONS=true.
 */
export async function publishFindings(title: string, findings: readonly Finding[], o: FindingsOutputOptions): Promise<void> {
  const { stdout, env } = o;
  if (o.json) stdout.write(JSON.stringify(findingsJson(title, findings, o.extra), null, 2) + '\n');
  else stdout.write(findingsTable(title, findings, { colour: Boolean(stdout.isTTY) && env.NO_COLOR === undefined }));
  if (o.junit !== undefined) await writeFile(o.junit, findingsToJunit(title, findings));
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, findingsMarkdown(title, findings) + '\n');
  if (env.GITHUB_ACTIONS === 'true') stdout.write(findingsAnnotations(title, findings));
}

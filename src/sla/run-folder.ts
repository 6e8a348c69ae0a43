import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What a run folder (results/<plan>_<timestamp>/) tells the gate: its JTL, plan and profile. */
export interface RunFolderFacts {
  readonly jtl: string;
  readonly plan?: string;
  /** 'ci' or 'production' from summary.json; 'ci' when its properties scale time down (older summaries). */
  readonly profile?: string;
  readonly stopped?: string;
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

export async function readRunFolder(dir: string): Promise<RunFolderFacts> {
  const jtl = join(dir, 'results.jtl');
  const text = await readFile(join(dir, 'summary.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return { jtl };
  let summary: { plan?: { name?: string }; profile?: string; properties?: Record<string, string>; exit?: { stoppedWith?: string } };
  try {
    summary = JSON.parse(text) as typeof summary;
  } catch {
    return { jtl };
  }
  const timeScale = Number(summary.properties?.TIME_SCALE);
  const profile = summary.profile ?? (Number.isFinite(timeScale) && timeScale < 1 ? 'ci' : undefined);
  return {
    jtl,
    ...(summary.plan?.name !== undefined && { plan: summary.plan.name }),
    ...(profile !== undefined && { profile }),
    ...(summary.exit?.stoppedWith !== undefined && { stopped: summary.exit.stoppedWith }),
  };
}

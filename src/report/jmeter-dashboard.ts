import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { execa } from 'execa';

import { RunError } from '../errors.js';
import { resolveJmeter } from '../runner/resolve-jmeter.js';

/**
 * JMeter's own HTML dashboard (`jmeter -g`), for people who want both: written to <outDir>/jmeter-dashboard/,
 * its log beside it. Returns the path of its index.html.
 */
export async function writeJmeterDashboard(jtl: string, outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const jmeter = resolveJmeter({ env });
  const dir = join(outDir, 'jmeter-dashboard');
  const log = join(outDir, 'jmeter-dashboard.log');
  await rm(dir, { recursive: true, force: true });
  // jmeter -g keeps temporary files in its working folder: run it in the output folder.
  const r = await execa(jmeter.bin, ['-g', jtl, '-o', dir, '-j', log], { cwd: outDir, reject: false, all: true });
  if (r.exitCode !== 0 || r.failed) {
    const line = (r.all ?? '').split('\n').find((l) => /error|exception/i.test(l)) ?? `exit code ${r.exitCode}`;
    throw new RunError('RUN_JMETER_DASHBOARD', `jmeter -g ${jtl}: JMeter's dashboard failed (${line.trim()}); see ${log}`, { jtl, log });
  }
  return join(dir, 'index.html');
}

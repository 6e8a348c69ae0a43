import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/** JMETER_HOME, else the repo's .jmeter/apache-jmeter-5.6.3, else the `jmeter` found on PATH. */
export function jmeterHome(): string {
  const env = process.env.JMETER_HOME;
  if (env && existsSync(join(env, 'bin', 'jmeter'))) return env;
  const local = join(repoRoot, '.jmeter', 'apache-jmeter-5.6.3');
  if (existsSync(join(local, 'bin', 'jmeter'))) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const bin = join(dir, 'jmeter');
    if (existsSync(bin)) return dirname(dirname(realpathSync(bin)));
  }
  throw new Error('JMeter 5.6.3 not found: set JMETER_HOME or run `make setup`');
}

export const jmeterBin = (): string => join(jmeterHome(), 'bin', 'jmeter');

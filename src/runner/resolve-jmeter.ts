import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { RunError } from '../errors.js';
import { repoRoot } from './repo-root.js';
import type { JmeterInstall } from './types.js';

export const JMETER_VERSION_DIR = 'apache-jmeter-5.6.3';
const INSTALL_HINT = 'install JMeter 5.6.3 with `make jmeter-install`, or set JMETER_HOME to a JMeter 5.x home';

export interface ResolveJmeterOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where `make jmeter-install` puts JMeter; default $JMETER_DIR, else <repo>/.jmeter. */
  readonly jmeterDir?: string;
}

/** The toolkit's lookup order: JMETER_HOME, then <repo>/.jmeter/apache-jmeter-5.6.3, then `jmeter` on PATH. */
export function resolveJmeter(options: ResolveJmeterOptions = {}): JmeterInstall {
  const env = options.env ?? process.env;
  const jmeterDir = options.jmeterDir ?? env.JMETER_DIR ?? join(repoRoot(), '.jmeter');
  if (env.JMETER_HOME) {
    const bin = join(env.JMETER_HOME, 'bin', 'jmeter');
    if (isExecutable(bin)) return { bin, home: env.JMETER_HOME, source: 'JMETER_HOME' };
    throw new RunError(
      'RUN_JMETER_NOT_FOUND',
      `JMETER_HOME=${env.JMETER_HOME} has no executable bin/jmeter: ${INSTALL_HINT}`,
      { jmeterHome: env.JMETER_HOME },
    );
  }
  const home = join(jmeterDir, JMETER_VERSION_DIR);
  const bundled = join(home, 'bin', 'jmeter');
  if (isExecutable(bundled)) return { bin: bundled, home, source: '.jmeter' };
  const onPath = findOnPath('jmeter', env.PATH ?? '');
  if (onPath !== undefined) return { bin: onPath, source: 'PATH' };
  throw new RunError(
    'RUN_JMETER_NOT_FOUND',
    `JMeter was not found (JMETER_HOME unset, no ${home}, no \`jmeter\` on PATH): ${INSTALL_HINT}`,
    { jmeterDir },
  );
}

function findOnPath(name: string, path: string): string | undefined {
  return path
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, name))
    .find((candidate) => existsSync(candidate) && isExecutable(candidate));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

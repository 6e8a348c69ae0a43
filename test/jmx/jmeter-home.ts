import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { resolveJmeter } from '../../src/runner/resolve-jmeter.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/** The toolkit's own lookup (JMETER_HOME, .jmeter/apache-jmeter-5.6.3, PATH), as the runner uses it. */
export const jmeterBin = (): string => resolveJmeter().bin;

export function jmeterHome(): string {
  const found = resolveJmeter();
  return found.home ?? dirname(dirname(realpathSync(found.bin)));
}

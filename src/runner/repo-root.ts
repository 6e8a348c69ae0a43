import { fileURLToPath } from 'node:url';

/** Both src/runner (tsx) and dist/runner (built) sit two levels below the package root. */
export const repoRoot = (): string => fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

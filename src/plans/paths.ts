import { fileURLToPath } from 'node:url';

/**
 * The repository's plans/ folder. src/plans (tsx) and dist/plans (built) both sit two levels
 * below the package root, so the same relative URL works for both.
 */
export const plansDir = (): string => fileURLToPath(new URL('../../plans/', import.meta.url)).replace(/\/$/, '');

import type { ConformanceCase } from '../case.js';

/** ws: what the real gateway answers (see test/conformance/case.ts). */
export const wsCases: readonly ConformanceCase[] = [

];

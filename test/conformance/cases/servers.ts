import type { ConformanceCase } from '../case.js';

/** servers: what the real gateway answers (see test/conformance/case.ts). */
export const serversCases: readonly ConformanceCase[] = [

];

import type { ConformanceCase } from '../case.js';

/** admin: what the real gateway answers (see test/conformance/case.ts). */
export const adminCases: readonly ConformanceCase[] = [

];

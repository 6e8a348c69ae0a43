import type { ConformanceCase } from '../case.js';

/** sse: what the real gateway answers (see test/conformance/case.ts). */
export const sseCases: readonly ConformanceCase[] = [

];

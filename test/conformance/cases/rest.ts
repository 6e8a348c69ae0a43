import { requestCase, type ConformanceCase } from '../case.js';

/** rest: what the real gateway answers (see test/conformance/case.ts). */
export const restCases: readonly ConformanceCase[] = [
  requestCase('rest', 'GET /health answers 200 healthy without a token', { path: '/health', auth: 'none' }, { status: 200, contentType: 'application/json', json: { status: 'healthy' } }),
];

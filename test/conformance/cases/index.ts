import type { ConformanceCase } from '../case.js';
import { adminCases } from './admin.js';
import { mcpCases } from './mcp.js';
import { restCases } from './rest.js';
import { serversCases } from './servers.js';
import { sseCases } from './sse.js';
import { wsCases } from './ws.js';

/** Every conformance case, by area. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = [...restCases, ...mcpCases, ...sseCases, ...wsCases, ...adminCases, ...serversCases];

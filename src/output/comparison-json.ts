import { FINDINGS_SCHEMA_VERSION, type Finding } from '../findings/finding.js';
import type { ComparisonModel } from '../compare/types.js';

/**
 * The JSON of `jtl compare --json`: the comparison model (schemaVersion inside) and the findings
 * (findingsSchemaVersion). Numbers without a value (NaN, ±Infinity) are null.
 */
export function formatComparisonJson(model: ComparisonModel, findings: readonly Finding[]): string {
  return JSON.stringify({ findingsSchemaVersion: FINDINGS_SCHEMA_VERSION, comparison: model, findings }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

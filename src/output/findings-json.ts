import { FINDINGS_SCHEMA_VERSION, type Finding, type Measure } from '../findings/finding.js';
import { overallVerdict } from './verdicts.js';

/** A Measure in JSON: `value` is null for "no data" (never dropped, never 0). */
export interface MeasureJson {
  readonly value: number | null;
  readonly unit: string;
}

/**
 * The JSON of findings (`--json`, summary.json's "sla"), documented in the README. Version FINDINGS_SCHEMA_VERSION;
 * a breaking change bumps it.
 */
export interface FindingsJson {
  readonly schemaVersion: number;
  readonly name: string;
  readonly verdict: 'pass' | 'fail';
  readonly findings: ReadonlyArray<Omit<Finding, 'measured' | 'expected'> & { readonly measured: MeasureJson; readonly expected?: MeasureJson }>;
}

const measureJson = (m: Measure): MeasureJson => ({ value: m.value === undefined || !Number.isFinite(m.value) ? null : m.value, unit: m.unit });

export function findingsJson(name: string, findings: readonly Finding[], extra: Readonly<Record<string, unknown>> = {}): FindingsJson & Record<string, unknown> {
  return {
    schemaVersion: FINDINGS_SCHEMA_VERSION,
    name,
    verdict: overallVerdict(findings),
    ...extra,
    findings: findings.map(({ measured, expected, ...rest }) => ({ ...rest, measured: measureJson(measured), ...(expected && { expected: measureJson(expected) }) })),
  };
}

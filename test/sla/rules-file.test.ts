import { describe, expect, it } from 'vitest';

import { parseRule } from '../../src/sla/parse-rule.js';
import { builtInProfile, profileForPlan } from '../../src/sla/profiles.js';
import { DEFAULT_STREAMING_LABELS } from '../../src/sla/rule.js';
import { parseRulesFile } from '../../src/sla/rules-file.js';

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return `${(e as { code: string }).code} ${(e as Error).message}`;
  }
  return 'no error';
};

describe('rules files (YAML and JSON)', () => {
  it('reads one-liners and objects into the same rules as the one-liner parser', () => {
    const set = parseRulesFile(
      [
        'name: release gate',
        'streamingLabels: ["^SSE connect$"]',
        'rules:',
        '  - p95 < 300ms for each label',
        '  - metric: p95',
        "    op: '<'",
        '    threshold: 500ms',
        '    label: MCP tools/call',
        '    window: 60s',
        '    warmUp: 30s',
        '  - { metric: errors, op: "<", threshold: 1%, labels: "^GET", each: true, severity: warn, abort: true }',
        '  - { metric: p99, op: "<", threshold: 2s, latency: true, streaming: exclude }',
      ].join('\n'),
      'sla.yaml',
    );
    expect(set.name).toBe('release gate');
    expect(set.streamingLabels).toEqual(['^SSE connect$']);
    expect(set.rules).toEqual([
      parseRule('p95 < 300ms for each label'),
      parseRule("p95 < 500ms in every 60s after 30s for 'MCP tools/call'"),
      parseRule('errors < 1% for each label matching /^GET/ warn abort'),
      parseRule('p99 latency < 2s streaming exclude'),
    ]);
  });

  it('reads JSON', () => {
    const set = parseRulesFile('{"rules": ["apdex >= 0.9", {"metric": "throughput", "op": ">=", "threshold": "100/s"}]}', 'sla.json');
    expect(set.rules.map((r) => r.text)).toEqual(['apdex >= 0.9', 'throughput >= 100/s']);
    expect(set.name).toBe('sla.json');
    expect(set.streamingLabels).toBe(DEFAULT_STREAMING_LABELS);
  });

  it.each([
    ['rules:\n  - p95 < 300\n', 'SLA_BAD_RULES_FILE sla.yaml:2: rules[0] "p95 < 300", column 7: a time threshold needs a unit: ms or s (e.g. 300ms)'],
    ['rules:\n  - metric: p95\n    op: "<"\n    threshold: 300\n', 'SLA_BAD_RULES_FILE sla.yaml:4: rules[0].threshold: a time threshold needs a unit: ms or s (e.g. 300ms)'],
    ['rules:\n  - metric: p95\n    threshold: 3ms\n', 'SLA_BAD_RULES_FILE sla.yaml:2: rules[0].op: missing'],
    ['rules:\n  - metric: p95\n    op: "<"\n    threshold: 3ms\n    lable: x\n', 'SLA_BAD_RULES_FILE sla.yaml:5: rules[0].lable: unknown field (expected metric, op, threshold, label, labels, each, window, warmUp, latency, streaming, severity, abort)'],
    ['rules:\n  - metric: p95\n    op: "=="\n    threshold: 3ms\n', 'SLA_BAD_RULES_FILE sla.yaml:3: rules[0].op: "==": expected <, <=, > or >='],
    ['rules:\n  - p95 < 3ms\n  - metric: p95\n    op: "<"\n    threshold: 3ms\n    severity: fatal\n', 'SLA_BAD_RULES_FILE sla.yaml:6: rules[1].severity: "fatal": expected fail or warn'],
    ['rules:\n  - metric: p95\n    op: "<"\n    threshold: 3ms\n    window: soon\n', 'SLA_BAD_RULES_FILE sla.yaml:5: rules[0].window: "soon": expected a duration such as 60s, 500ms, 5m'],
    ['rules:\n  - metric: p95\n    op: "<"\n    threshold: 3ms\n    labels: "("\n', 'SLA_BAD_RULES_FILE sla.yaml:5: rules[0].labels: /(/ is not a valid regular expression'],
    ['rules: []\n', 'SLA_BAD_RULES_FILE sla.yaml:1: rules: expected a non-empty list of rules'],
    ['rule:\n  - p95 < 3ms\n', 'SLA_BAD_RULES_FILE sla.yaml:1: rule: unknown field (expected name, rules, streamingLabels)'],
    ['- p95 < 3ms\n', 'SLA_BAD_RULES_FILE sla.yaml:1: (top level): expected a mapping with a "rules:" list'],
    ['rules:\n  - [p95]\n', 'SLA_BAD_RULES_FILE sla.yaml:2: rules[0]: expected a one-liner ("p95 < 300ms") or a mapping with metric, op, threshold'],
    ['rules:\n  - "p95 < 3ms\n', 'SLA_BAD_RULES_FILE sla.yaml:3: not valid YAML/JSON: Missing closing "quote'],
  ])('refuses %j naming the line and the field', (text, message) => {
    expect(messageOf(() => parseRulesFile(text, 'sla.yaml'))).toBe(message);
  });
});

describe('built-in profiles', () => {
  it('hold the SLA table, throughput only for the production profile', () => {
    expect(builtInProfile('load').rules.map((r) => `${r.text}${r.productionOnly ? ' (production)' : ''}`)).toEqual([
      'p50 < 150ms for each label',
      'p95 < 300ms for each label',
      'p99 < 500ms for each label',
      'errors < 0.5%',
      'throughput >= 4000/s (production)',
    ]);
    expect(builtInProfile('baseline').rules.map((r) => r.threshold)).toEqual([100, 200, 300, 0.1, 1000]);
    expect(builtInProfile('stress').rules.map((r) => r.threshold)).toEqual([300, 500, 1000, 1, 10_000]);
  });

  it('are chosen from the plan', () => {
    expect(['rest_api_baseline', 'sse_streaming_baseline', 'plans/websocket_baseline.jmx', 'load_test', 'soak_test', 'stress_test', 'spike_test', 'custom'].map(profileForPlan)).toEqual([
      'baseline', 'baseline', 'baseline', 'load', 'load', 'stress', 'stress', undefined,
    ]);
  });
});

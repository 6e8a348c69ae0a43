import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

import { ToolkitError } from '../errors.js';
import { parseDurationMs, parseMetric, parseRule } from './parse-rule.js';
import { DEFAULT_STREAMING_LABELS, isTimeMetric, ruleText, type Comparison, type RuleSet, type Scope, type SlaRule } from './rule.js';

/**
 * A rules file (YAML, or JSON, which is YAML too). Each rule is a one-liner or an object:
 *
 *   name: gateway release gate          # optional
 *   streamingLabels: ['^SSE connect$']  # optional: regexes of labels judged on time to first event
 *   rules:
 *     - p95 < 300ms for each label
 *     - metric: p99            # pN, median, mean, min, max, errors, throughput, received, sent, apdex
 *       op: '<'                # <, <=, >, >=
 *       threshold: 500ms       # 300ms, 1.5s, 0.5%, 1000/s, 50KB/s, 0.85
 *       label: MCP tools/call  # or labels: <regex> (together), each: true (each label; with labels: each matching)
 *       window: 60s            # optional: every 60 s window on its own
 *       warmUp: 30s            # optional: leave out the first 30 s
 *       latency: true          # optional: judge Latency (time to first byte/event) instead of elapsed
 *       streaming: first-event # optional: first-event (default), exclude, elapsed
 *       severity: warn         # optional: fail (default) or warn
 *       abort: true            # optional: with jtl run --abort-on-fail, stop the run on a breach
 */
export function parseRulesFile(text: string, file: string): RuleSet {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const bad = (line: number, field: string, message: string): never => {
    throw new ToolkitError('SLA_BAD_RULES_FILE', `${file}:${line}: ${field}: ${message}`, { file, line, field });
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new ToolkitError('SLA_BAD_RULES_FILE', `${file}:${line}: not valid YAML/JSON: ${syntax.message.split('\n')[0]}`, { file, line });
  }
  const root = doc.contents;
  if (!isMap(root)) return bad(lineOf(root), '(top level)', 'expected a mapping with a "rules:" list');
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!['name', 'rules', 'streamingLabels', 'version'].includes(key)) bad(lineOf(pair.key as Node), key, 'unknown field (expected name, rules, streamingLabels)');
  }
  const version = root.get('version', true) as Node | undefined;
  if (version !== undefined && !(isScalar(version) && version.value === 1)) bad(lineOf(version), 'version', 'only version 1 exists');
  const rulesNode = root.get('rules', true) as Node | undefined;
  if (!isSeq(rulesNode) || rulesNode.items.length === 0) return bad(lineOf(rulesNode ?? root), 'rules', 'expected a non-empty list of rules');
  const streamingNode = root.get('streamingLabels', true) as Node | undefined;
  let streamingLabels = DEFAULT_STREAMING_LABELS;
  if (streamingNode !== undefined) {
    if (!isSeq(streamingNode)) bad(lineOf(streamingNode), 'streamingLabels', 'expected a list of regular expressions');
    streamingLabels = (streamingNode as { items: Node[] }).items.map((item, i) => {
      const source = isScalar(item) && typeof item.value === 'string' ? item.value : bad(lineOf(item), `streamingLabels[${i}]`, 'expected a regular expression as a string');
      regexOrFail(source, () => bad(lineOf(item), `streamingLabels[${i}]`, `/${source}/ is not a valid regular expression`));
      return source;
    });
  }
  const rules = rulesNode.items.map((item, i) => {
    const field = `rules[${i}]`;
    const node = item as Node;
    if (isScalar(node) && typeof node.value === 'string') {
      try {
        return parseRule(node.value, `${file}:${lineOf(node)}: ${field}`);
      } catch (error) {
        throw new ToolkitError('SLA_BAD_RULES_FILE', (error as Error).message, { file, line: lineOf(node), field });
      }
    }
    if (!isMap(node)) return bad(lineOf(node), field, 'expected a one-liner ("p95 < 300ms") or a mapping with metric, op, threshold');
    const fields = new Map<string, Node>();
    for (const pair of node.items) fields.set(isScalar(pair.key) ? String(pair.key.value) : '', pair.value as Node);
    return ruleFromFields(fields, field, lineOf(node), (n) => lineOf(n), bad);
  });
  const name = root.get('name');
  return { name: typeof name === 'string' ? name : file, rules, streamingLabels };
}

const KNOWN = ['metric', 'op', 'threshold', 'label', 'labels', 'each', 'window', 'warmUp', 'latency', 'streaming', 'severity', 'abort'];

function ruleFromFields(
  fields: ReadonlyMap<string, Node>,
  at: string,
  line: number,
  lineOf: (n: Node) => number,
  bad: (line: number, field: string, message: string) => never,
): SlaRule {
  for (const [key, value] of fields) if (!KNOWN.includes(key)) bad(lineOf(value), `${at}.${key}`, `unknown field (expected ${KNOWN.join(', ')})`);
  const scalar = (key: string, required: boolean): string | number | boolean | undefined => {
    const node = fields.get(key);
    if (node === undefined) return required ? bad(line, `${at}.${key}`, 'missing') : undefined;
    if (!isScalar(node) || !['string', 'number', 'boolean'].includes(typeof node.value)) return bad(lineOf(node), `${at}.${key}`, 'expected a single value');
    return node.value as string | number | boolean;
  };
  const where = (key: string): number => (fields.get(key) ? lineOf(fields.get(key)!) : line);
  const metricText = String(scalar('metric', true));
  const metric = parseMetric(metricText, (m) => bad(where('metric'), `${at}.metric`, m));
  const op = String(scalar('op', true));
  if (!['<', '<=', '>', '>='].includes(op)) bad(where('op'), `${at}.op`, `"${op}": expected <, <=, > or >=`);
  const thresholdText = String(scalar('threshold', true));
  let threshold: number;
  try {
    threshold = parseRule(`${metricText} ${op} ${thresholdText}`, 'threshold').threshold;
  } catch (error) {
    return bad(where('threshold'), `${at}.threshold`, (error as Error).message.replace(/^threshold "[^"]*", column \d+: /, ''));
  }
  const bool = (key: string): boolean => {
    const v = scalar(key, false);
    if (v !== undefined && typeof v !== 'boolean') bad(where(key), `${at}.${key}`, 'expected true or false');
    return v === true;
  };
  const duration = (key: string): number | undefined => {
    const v = scalar(key, false);
    if (v === undefined) return undefined;
    return parseDurationMs(String(v)) ?? bad(where(key), `${at}.${key}`, `"${v}": expected a duration such as 60s, 500ms, 5m`);
  };
  const label = scalar('label', false);
  const labels = scalar('labels', false);
  const each = bool('each');
  if (label !== undefined && (labels !== undefined || each)) bad(where('label'), `${at}.label`, 'give label, or labels (a regex) and/or each, not both');
  if (labels !== undefined) regexOrFail(String(labels), () => bad(where('labels'), `${at}.labels`, `/${labels}/ is not a valid regular expression`));
  const scope: Scope =
    label !== undefined ? { kind: 'label', label: String(label) } : each ? { kind: 'each', ...(labels !== undefined && { pattern: String(labels) }) } : labels !== undefined ? { kind: 'regex', pattern: String(labels) } : { kind: 'total' };
  const severity = scalar('severity', false) ?? 'fail';
  if (severity !== 'fail' && severity !== 'warn') bad(where('severity'), `${at}.severity`, `"${severity}": expected fail or warn`);
  const streaming = scalar('streaming', false) ?? 'first-event';
  if (streaming !== 'first-event' && streaming !== 'exclude' && streaming !== 'elapsed') bad(where('streaming'), `${at}.streaming`, `"${streaming}": expected first-event, exclude or elapsed`);
  const latency = bool('latency');
  if (latency && !isTimeMetric(metric)) bad(where('latency'), `${at}.latency`, 'applies to time metrics (pN, mean, min, max) only');
  const windowMs = duration('window');
  const warmUpMs = duration('warmUp');
  const rule = {
    metric,
    op: op as Comparison,
    threshold,
    scope,
    ...(windowMs !== undefined && { windowMs }),
    ...(warmUpMs !== undefined && { warmUpMs }),
    severity: severity as SlaRule['severity'],
    abortable: bool('abort'),
    basis: latency ? ('latency' as const) : ('elapsed' as const),
    streaming: streaming as SlaRule['streaming'],
  };
  return { ...rule, text: ruleText(rule) };
}

function regexOrFail(source: string, fail: () => never): void {
  try {
    new RegExp(source);
  } catch {
    fail();
  }
}

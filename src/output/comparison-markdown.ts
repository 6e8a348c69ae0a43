import type { ComparisonModel } from '../compare/types.js';
import { failOnText } from './comparison-rows.js';
import { escapeMarkdownCell } from './escape.js';
import { countVerdicts, overheadCells, sortedLines, type ComparisonLine } from './comparison-rows.js';

const ICON: Record<ComparisonLine['verdict'], string> = { regressed: '🔴', improved: '🟢', 'no data': '🟡', unchanged: '⚪', 'not applicable': '' };

const tableRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict, what changed, then every figure. */
export function formatComparisonMarkdown(model: ComparisonModel): string {
  const n = countVerdicts(model);
  const lines = sortedLines(model);
  const line = (l: ComparisonLine) =>
    tableRow([escapeMarkdownCell(l.label), l.metric, l.baseline, l.current, l.delta, l.relative, `${ICON[l.verdict]} ${l.verdictText}${l.blocking ? ' (fail-on)' : ''}`.trim(), escapeMarkdownCell(l.evidence)]);
  const head = [tableRow(['label', 'metric', 'baseline', 'current', 'delta', 'delta %', 'verdict', 'evidence']), tableRow(['---', '---', '---:', '---:', '---:', '---:', '---', '---'])];
  const changed = lines.filter((l) => l.verdict === 'regressed' || l.verdict === 'improved');
  const out = [
    '## Comparison with the baseline',
    '',
    n.failing > 0 ? `❌ **${n.failing} failing** (--fail-on ${failOnText(model)}): ${n.regressed} regressed, ${n.improved} improved, ${n.noData} not enough data.` : `✅ No regression in --fail-on (${failOnText(model)}): ${n.regressed} regressed, ${n.improved} improved, ${n.noData} not enough data.`,
    '',
  ];
  if (changed.length > 0) out.push(...head, ...changed.map(line), '');
  const pairs = model.rows.filter((r) => r.kind === 'pair');
  if (pairs.length > 0) {
    const metrics = overheadCells(pairs[0]!).map((c) => c.metric);
    out.push('### Added latency (current − baseline)', '', tableRow(['pair', ...metrics]), tableRow(['---', ...metrics.map(() => '---:')]));
    for (const row of pairs) out.push(tableRow([escapeMarkdownCell(row.name), ...overheadCells(row).map((c) => c.text)]));
    out.push('', 'Intervals in brackets.', '');
  }
  if (model.added.length > 0) out.push(`Added labels (current only): ${model.added.map(escapeMarkdownCell).join(', ')}`, '');
  if (model.removed.length > 0) out.push(`Removed labels (baseline only): ${model.removed.map(escapeMarkdownCell).join(', ')}`, '');
  out.push('<details><summary>Every label and metric</summary>', '', ...head, ...lines.map(line), '', '</details>', '');
  out.push(`Method: ${escapeMarkdownCell(model.settings.method)}.`, '');
  return out.join('\n');
}

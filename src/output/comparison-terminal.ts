import type { ComparisonModel } from '../compare/types.js';
import { failOnText } from './comparison-rows.js';
import { escapeTerminal } from './escape.js';
import { countVerdicts, overheadCells, sortedLines, type ComparisonLine } from './comparison-rows.js';

const COLOURS: Partial<Record<ComparisonLine['verdict'], string>> = { regressed: '\u001b[31m', improved: '\u001b[32m', 'no data': '\u001b[33m' };
const RESET = '\u001b[0m';

/** The terminal table of `jtl compare`: regressions first; colour only when asked (stdout is a terminal). */
export function formatComparisonTable(model: ComparisonModel, o: { readonly colour: boolean }): string {
  const head = ['label', 'metric', 'baseline', 'current', 'delta', 'delta %', 'verdict', 'evidence'];
  const lines = sortedLines(model);
  const cells = lines.map((l) => [escapeTerminal(l.label), l.metric, l.baseline, l.current, l.delta, l.relative, `${l.verdictText}${l.blocking && (l.verdict === 'regressed' || l.verdict === 'no data') ? ' *' : ''}`, l.evidence]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => [...(c[i] ?? '')].length)));
  const pad = (text: string, i: number) => (i >= 2 && i <= 5 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const render = (c: readonly string[], colour?: string) => {
    const text = c.map(pad).join('  ').trimEnd();
    return colour && o.colour ? `${colour}${text}${RESET}` : text;
  };
  const out = [render(head), ...cells.map((c, i) => render(c, COLOURS[lines[i]!.verdict]))];
  const pairs = model.rows.filter((r) => r.kind === 'pair');
  if (pairs.length > 0) {
    out.push('', 'added latency (current − baseline), interval in brackets:');
    for (const row of pairs) out.push(`  ${escapeTerminal(row.name)}: ${overheadCells(row).map((c) => `${c.metric} ${c.text}`).join('; ')}`);
  }
  if (model.added.length > 0) out.push(`added labels (current only): ${model.added.map(escapeTerminal).join(', ')}`);
  if (model.removed.length > 0) out.push(`removed labels (baseline only): ${model.removed.map(escapeTerminal).join(', ')}`);
  const n = countVerdicts(model);
  out.push(`${n.regressed} regressed, ${n.improved} improved, ${n.noData} not enough data; * counts for --fail-on (${failOnText(model)}): ${n.failing} failing`);
  out.push(`method: ${model.settings.method}`);
  out.push(`baseline: ${model.baseline.files.join(', ')}; current: ${model.current.files.join(', ')}`);
  return out.join('\n') + '\n';
}

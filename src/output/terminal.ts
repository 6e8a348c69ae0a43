import type { Finding } from '../findings/finding.js';
import { escapeTerminal } from './escape.js';
import { formatMeasure } from './junit.js';
import { countsLine, outcomeOf, verdictWord, type Outcome } from './verdicts.js';

const COLOUR: Readonly<Record<Outcome, string>> = { failed: '\x1b[31m', warned: '\x1b[33m', passed: '\x1b[32m', 'not applicable': '\x1b[2m' };
const RESET = '\x1b[0m';

/** Findings as a terminal table (rule, scope, measured, threshold, verdict, details); colour only when asked (a TTY). */
export function findingsTable(title: string, findings: readonly Finding[], o: { readonly colour: boolean }): string {
  const head = ['rule', 'scope', 'measured', 'expected', 'verdict', 'details'];
  const rows = findings.map((f) => [
    escapeTerminal(f.subject),
    escapeTerminal(f.scope),
    (f.verdict === 'not applicable' ? '-' : formatMeasure(f.measured)),
    f.expected ? formatMeasure(f.expected) : '',
    verdictWord(f.verdict),
    escapeTerminal(f.evidence ?? ''),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const body = rows.map((r, i) => {
    const text = line(r);
    if (!o.colour) return text;
    const at = text.indexOf(r[4]!, widths.slice(0, 4).reduce((a, w) => a + w + 2, 0));
    const colour = COLOUR[outcomeOf(findings[i]!)];
    return text.slice(0, at) + colour + r[4] + RESET + text.slice(at + r[4]!.length);
  });
  return [escapeTerminal(title), line(head), ...body, countsLine(findings), ''].join('\n');
}

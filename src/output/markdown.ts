import type { Finding } from '../findings/finding.js';
import { escapeMarkdownCell } from './escape.js';
import { formatMeasure } from './junit.js';
import { countsLine, outcomeOf, overallVerdict, type Outcome } from './verdicts.js';

const MARK: Readonly<Record<Outcome, string>> = { failed: '❌', warned: '⚠️', passed: '✅', 'not applicable': '➖' };

/** Findings as GitHub-flavoured Markdown (for $GITHUB_STEP_SUMMARY): a heading with the verdict, a table. */
export function findingsMarkdown(title: string, findings: readonly Finding[]): string {
  const verdict = overallVerdict(findings) === 'fail' ? '❌ failed' : '✅ passed';
  const rows = findings.map((f) =>
    `| ${MARK[outcomeOf(f)]} ${f.verdict} | ${escapeMarkdownCell(f.subject)} | ${escapeMarkdownCell(f.scope)} | ${(f.verdict === 'not applicable' ? '-' : formatMeasure(f.measured))} | ${f.expected ? formatMeasure(f.expected) : ''} | ${escapeMarkdownCell(f.evidence ?? '')} |`,
  );
  return [
    `### ${escapeMarkdownCell(title)}: ${verdict}`,
    '',
    countsLine(findings),
    '',
    '| verdict | rule | scope | measured | expected | details |',
    '|---|---|---|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}

import type { Finding } from '../findings/finding.js';
import { escapeWorkflowData, escapeWorkflowProperty } from './escape.js';
import { formatMeasure } from './junit.js';
import { outcomeOf } from './verdicts.js';

/**
 * GitHub workflow commands for the findings that need attention: `::error` for those that fail the command,
 * `::warning` for warnings (and non-blocking regressions or missing data). Passing findings print nothing.
 * Every text from the JTL is escaped as the runner requires (a label may hold `%`, newlines, `::`, `,`).
 */
export function findingsAnnotations(title: string, findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const outcome = outcomeOf(f);
      if (outcome !== 'failed' && outcome !== 'warned') return undefined;
      const command = outcome === 'failed' ? 'error' : 'warning';
      const name = escapeWorkflowProperty(`${title}: ${f.subject} [${f.scope}]`);
      const message = `${f.verdict}: ${f.subject} for ${f.scope}: measured ${formatMeasure(f.measured)}${f.expected ? `, expected ${formatMeasure(f.expected)}` : ''}${f.evidence ? ` (${f.evidence})` : ''}`;
      return `::${command} title=${name}::${escapeWorkflowData(message)}\n`;
    })
    .filter((line): line is string => line !== undefined)
    .join('');
}

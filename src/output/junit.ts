import { isFailure, type Finding, type Measure } from '../findings/finding.js';
import { escapeXml } from './escape.js';

/** A Measure as text: '312 ms', '0.42 %', 'no data'. */
export function formatMeasure(m: Measure): string {
  if (m.value === undefined || Number.isNaN(m.value)) return 'no data';
  const value = Number.isInteger(m.value) ? String(m.value) : m.value.toFixed(Math.abs(m.value) >= 100 ? 1 : 3).replace(/\.?0+$/, '');
  return m.unit === '' ? value : m.unit === '%' ? `${value} %` : `${value} ${m.unit}`;
}

const describe = (f: Finding): string =>
  `${f.verdict}: measured ${formatMeasure(f.measured)}${f.expected ? `, expected ${formatMeasure(f.expected)}` : ''}${f.evidence ? ` (${f.evidence})` : ''}`;

/**
 * JUnit XML, one test case per finding (CI systems show each rule and scope as a test):
 * failing findings are <failure>, 'not applicable' is <skipped>, warnings pass with the text in <system-out>.
 */
export function findingsToJunit(suiteName: string, findings: readonly Finding[]): string {
  const failed = findings.filter(isFailure).length;
  const skipped = findings.filter((f) => f.verdict === 'not applicable').length;
  const cases = findings.map((f) => {
    const open = `    <testcase classname="${escapeXml(`jtl.${f.source}`)}" name="${escapeXml(`${f.subject} [${f.scope}]`)}">`;
    const text = escapeXml(describe(f));
    const body = isFailure(f)
      ? `\n      <failure message="${text}" type="${escapeXml(f.verdict)}">${text}</failure>\n    `
      : f.verdict === 'not applicable'
        ? `\n      <skipped message="${text}"/>\n    `
        : `\n      <system-out>${text}</system-out>\n    `;
    return `${open}${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suiteName)}" tests="${findings.length}" failures="${failed}" skipped="${skipped}">`,
    `  <testsuite name="${escapeXml(suiteName)}" tests="${findings.length}" failures="${failed}" errors="0" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

import { JtlError } from '../errors.js';

/**
 * What an XML file is when it is not a JTL: a test plan, an HTML page (JMeter's dashboard), another document.
 * Undefined when its root is a JTL's (<testResults>, or a bare sample) or cannot be seen in the head.
 */
export function describeNonJtlXml(head: string): string | undefined {
  let text = head.replace(/^\uFEFF/, '');
  // The prolog, comments, processing instructions and a doctype come before the root.
  for (;;) {
    text = text.trimStart();
    const doctype = /^<!DOCTYPE\s+(\w+)/i.exec(text);
    if (doctype !== null && doctype[1]!.toLowerCase() === 'html') return 'an HTML page (JMeter’s dashboard?), not a results file: analyze the .jtl the page was made from';
    const skip = text.startsWith('<?') ? '?>' : text.startsWith('<!--') ? '-->' : text.startsWith('<!') ? '>' : undefined;
    if (skip === undefined) break;
    const end = text.indexOf(skip);
    if (end < 0) return undefined;
    text = text.slice(end + skip.length);
  }
  const root = /^<([\w:.-]+)/.exec(text)?.[1];
  if (root === undefined || ['testresults', 'sample', 'httpsample'].includes(root.toLowerCase())) return undefined;
  if (root === 'jmeterTestPlan') return 'a JMeter test plan (.jmx), not a results file: run it (jtl run <plan.jmx>) and analyze the results.jtl it writes';
  if (root.toLowerCase() === 'html') return 'an HTML page (JMeter’s dashboard?), not a results file: analyze the .jtl the page was made from';
  return `an XML document whose root element is <${root}>, not a JMeter results file (<testResults>)`;
}

export function assertJtlXml(file: string, head: string): void {
  const what = describeNonJtlXml(head);
  if (what !== undefined) throw new JtlError('JTL_NOT_A_JTL', `${file}: ${what}`, { file, line: 1, byteOffset: 0 });
}

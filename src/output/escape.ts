/**
 * Escaping of untrusted text (labels, messages, URLs from a JTL) for each output medium — one function per
 * medium, used by every renderer of that medium. HTML goes through handlebars' own escaping, plus
 * `jsonForScript` for data inlined in a <script> block.
 */

/** Control characters shown visibly (`\n`, `\x01`), so a label cannot break a terminal row or move the cursor. */
export function escapeTerminal(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** Text inside a Markdown table cell: no HTML, no table break, no formatting. */
export function escapeMarkdownCell(text: string): string {
  return escapeTerminal(text)
    .replace(/[\\`*_{}[\]()#+!|<>&~]/g, (c) => `\\${c}`);
}

/** Text in XML content or a double-quoted attribute (JUnit). Characters XML 1.0 forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The message of a GitHub workflow command (`::error::message`): `%`, CR and LF are encoded, as the runner requires. */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`::error title=…::`): also `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** JSON that can sit inside <script>…</script>: `<`, `>`, `&`, U+2028/9 escaped so no label ends the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

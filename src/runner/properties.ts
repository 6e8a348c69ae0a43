/** Java .properties text, both ways, for the files JMeter loads with -q/-G and the run folder's record. */

/** Java's Properties.load reads ISO-8859-1: everything outside printable ASCII is written as \uXXXX. */
export function formatProperties(properties: ReadonlyMap<string, string>, header?: string): string {
  const lines = header === undefined ? [] : header.split('\n').map((l) => `# ${l}`);
  for (const [name, value] of properties) lines.push(`${escape(name, true)}=${escape(value, false)}`);
  return lines.join('\n') + '\n';
}

function escape(text: string, isKey: boolean): string {
  let out = '';
  for (const [i, ch] of [...text].entries()) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === ' ' && (isKey || i === 0)) out += '\\ ';
    else if (isKey && '=:#!'.includes(ch)) out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += unicodeEscape(ch);
    else out += ch;
  }
  return out;
}

/** One \uXXXX per UTF-16 unit, so characters beyond the BMP become a surrogate pair, as Java expects. */
const unicodeEscape = (ch: string): string =>
  Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** Parses .properties text (comments, `=`/`:`/space separators, continuation lines, escapes). */
export function parseProperties(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const logical of logicalLines(text)) {
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]?\s*(.*)$/s.exec(logical);
    if (m?.[1] !== undefined) result.set(unescape(m[1]), unescape(m[2] ?? ''));
  }
  return result;
}

function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    if (pending === '' && (line === '' || line.startsWith('#') || line.startsWith('!'))) continue;
    const continued = /(?:^|[^\\])(?:\\\\)*\\$/.test(line);
    pending += continued ? line.slice(0, -1) : line;
    if (!continued) {
      out.push(pending);
      pending = '';
    }
  }
  if (pending !== '') out.push(pending);
  return out;
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}

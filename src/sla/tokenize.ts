import { ToolkitError } from '../errors.js';

/** A word, a comparison, a quoted label ('…' or "…", the quote doubled inside) or a /regex/ after `for`/`matching`. */
export interface Token {
  readonly kind: 'word' | 'op' | 'quoted' | 'regex';
  readonly text: string;
  /** 1-based, for messages. */
  readonly column: number;
}

export function tokenize(text: string, where: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const bad = (message: string, column: number): never => {
    throw new ToolkitError('SLA_BAD_RULE', `${where} "${text}", column ${column}: ${message}`, { rule: text, column, where });
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '<' || c === '>') {
      const op = text[i + 1] === '=' ? `${c}=` : c;
      tokens.push({ kind: 'op', text: op, column: i + 1 });
      i += op.length;
    } else if (c === "'" || c === '"') {
      // A quote inside is doubled: 'it''s'.
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) bad(`the label quoted here is not closed (write ${c}…${c}; a ${c} inside is doubled)`, i + 1);
        if (text[j] === c && text[j + 1] === c) {
          value += c;
          j += 2;
        } else if (text[j] === c) break;
        else value += text[j++];
      }
      tokens.push({ kind: 'quoted', text: value, column: i + 1 });
      i = j + 1;
    } else if (c === '/' && (tokens.at(-1)?.text.toLowerCase() === 'for' || tokens.at(-1)?.text.toLowerCase() === 'matching')) {
      let j = i + 1;
      let source = '';
      while (j < text.length && text[j] !== '/') {
        if (text[j] === '\\' && j + 1 < text.length) source += text[j++];
        source += text[j++];
      }
      if (j >= text.length) bad('the regular expression starting here is not closed with /', i + 1);
      try {
        new RegExp(source);
      } catch (error) {
        bad(`/${source}/ is not a valid regular expression (${(error as Error).message})`, i + 1);
      }
      tokens.push({ kind: 'regex', text: source, column: i + 1 });
      i = j + 1;
    } else {
      const m = /^[^\s<>'"]+/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], column: i + 1 });
      i += m[0].length;
    }
  }
  return tokens;
}


import { describe, expect, it } from 'vitest';

import { formatProperties, parseProperties } from '../../src/runner/properties.js';
import { redactProperties, redactText } from '../../src/runner/secrets.js';

describe('properties files', () => {
  it('escapes what Java Properties.load (ISO-8859-1) would misread, and reads it back', () => {
    const props = new Map([
      ['GATEWAY_URL', 'http://127.0.0.1:4444/a?b=c'],
      ['MESSAGE', ' héllo\n\tworld \\ 🙂'],
      ['odd key=:', 'v'],
    ]);
    const text = formatProperties(props, 'header line');
    expect(text).toBe(
      '# header line\nGATEWAY_URL=http://127.0.0.1:4444/a?b=c\n' +
        'MESSAGE=\\ h\\u00e9llo\\n\\tworld \\\\ \\ud83d\\ude42\nodd\\ key\\=\\:=v\n',
    );
    expect(parseProperties(text)).toEqual(props);
  });

  it('reads comments, `:` and space separators and continuation lines', () => {
    const text = '# c\n! c\nA = 1\nB:2\nC 3\nD=one \\\n    two\n\nE=\n';
    expect([...parseProperties(text)]).toEqual([['A', '1'], ['B', '2'], ['C', '3'], ['D', 'one two'], ['E', '']]);
  });
});

describe('redaction', () => {
  it('hides the value of every secret-looking property', () => {
    const r = redactProperties(new Map([['TOKEN', 'abc'], ['ADMIN_PASSWORD', 'pw'], ['THREADS', '2']]));
    expect([...r]).toEqual([['TOKEN', '<redacted>'], ['ADMIN_PASSWORD', '<redacted>'], ['THREADS', '2']]);
  });
  it('removes secret values from text', () => {
    expect(redactText('Bearer eyJabc.def and eyJabc.def', new Map([['TOKEN', 'eyJabc.def']]))).toBe('Bearer <redacted> and <redacted>');
  });
});

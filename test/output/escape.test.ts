import { describe, expect, it } from 'vitest';

import { escapeMarkdownCell, escapeTerminal, escapeWorkflowData, escapeWorkflowProperty, escapeXml, jsonForScript } from '../../src/output/escape.js';

describe('escaping per medium', () => {
  it('terminal: control characters become visible escapes', () => {
    expect(escapeTerminal('a\nb\u0001c\td\u001b[31m')).toBe('a\\nb\\x01c\\td\\x1b[31m');
  });
  it('markdown: a label cannot break the table or inject HTML', () => {
    expect(escapeMarkdownCell('GET /a|b <script>*x*')).toBe('GET /a\\|b \\<script\\>\\*x\\*');
  });
  it('xml: markup and forbidden characters', () => {
    expect(escapeXml('<a href="x">&\'\u0000')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\ufffd');
  });
  it('workflow commands: %, CR, LF, and in properties : and ,', () => {
    expect(escapeWorkflowData('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
    expect(escapeWorkflowProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
  it('json in a script block: </script> cannot end the block, and it parses back', () => {
    const label = '</script><script>alert(1)</script>\u2028';
    const text = jsonForScript({ label });
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ label });
  });
});

import { describe, expect, it } from 'vitest';

import { escapeFunctionArg, prop, secretProp, text, tpl, v } from '../../src/jmx/index.js';

describe('property values', () => {
  it('renders a knob as ${__P(NAME,default)}', () => {
    expect(text(prop('THREADS', 100))).toBe('${__P(THREADS,100)}');
    expect(text(prop('GATEWAY_URL', 'http://localhost:4444'))).toBe('${__P(GATEWAY_URL,http://localhost:4444)}');
  });
  it('escapes commas in defaults so JMeter reads one argument', () => {
    expect(text(prop('ACCEPT', 'a,b'))).toBe('${__P(ACCEPT,a\\,b)}');
    expect(escapeFunctionArg('x\\y,z')).toBe('x\\\\y\\,z');
  });
  it('gives a secret an empty default, never a value', () => {
    expect(text(secretProp('TOKEN'))).toBe('${__P(TOKEN,)}');
  });
  it('mixes literals and references in templates', () => {
    expect(text(tpl`Bearer ${secretProp('TOKEN')}`)).toBe('Bearer ${__P(TOKEN,)}');
    expect(text(tpl`${v('GW_BASE_PATH')}/servers/${prop('SERVER_ID', '')}/mcp`)).toBe('${GW_BASE_PATH}/servers/${__P(SERVER_ID,)}/mcp');
  });
  it('rejects names JMeter could not parse', () => {
    expect(() => prop('BAD NAME', 1)).toThrow(/invalid JMeter property/);
    expect(() => v('x}')).toThrow(/invalid/);
  });
});

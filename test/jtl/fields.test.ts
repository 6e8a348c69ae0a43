import { describe, expect, it } from 'vitest';

import { fieldInteger, fieldIsTrue, fieldText } from '../../src/jtl/fields.js';
import { newScanState, scanChunk, type RecordView } from '../../src/jtl/scanner.js';

/** Scans one CSV line and hands its record to `check` (the view is valid only during the call). */
function withRecord(line: string, check: (r: RecordView) => void): void {
  let seen = 0;
  scanChunk(newScanState(0x2c), Buffer.from(`${line}\n`), true, (r) => {
    seen += 1;
    check(r);
  });
  expect(seen).toBe(1);
}

describe('fields read from the bytes', () => {
  it('integers: digits, padded with spaces (JMeter trims), signed; NaN for empty, a lone sign or other text', () => {
    withRecord('1795000000123, 42 ,-7,,-,1x,12.5, ,0', (r) => {
      expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => fieldInteger(r, k))).toEqual([1795000000123, 42, -7, NaN, NaN, NaN, NaN, NaN, 0]);
      expect(fieldInteger(r, 9)).toBeNaN();
    });
  });

  it('success is Java\'s Boolean.valueOf: "true" in any case, anything else false', () => {
    withRecord('true,TRUE,True,false,yes,,truee', (r) => {
      expect([0, 1, 2, 3, 4, 5, 6].map((k) => fieldIsTrue(r, k))).toEqual([true, true, true, false, false, false, false]);
    });
  });

  it('text of a quoted field with doubled quotes undone', () => {
    withRecord('"say ""hi"", then go",plain', (r) => {
      expect(fieldText(r, 0)).toBe('say "hi", then go');
      expect(fieldText(r, 1)).toBe('plain');
    });
  });
});

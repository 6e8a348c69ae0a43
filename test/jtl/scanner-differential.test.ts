import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { fieldText } from '../../src/jtl/fields.js';
import { newScanState, scanChunk, TRUNCATED } from '../../src/jtl/scanner.js';
import { seededRandom } from '../../src/target/faults.js';

/** Our fast scanner's records, fed in chunks of random sizes; `defects` counts records it flagged, `flagged` lists why. */
function scan(text: string, random: () => number, delimiter = ','): { records: string[][]; defects: number; flagged: string[]; tail: string } {
  const bytes = Buffer.from(text);
  const state = newScanState(delimiter.charCodeAt(0));
  const records: string[][] = [];
  const flagged: string[] = [];
  const onRecord = (r: Parameters<Parameters<typeof scanChunk>[3]>[0]) => {
    if (r.defect !== '') flagged.push(r.defect);
    records.push(Array.from({ length: r.count }, (_, k) => fieldText(r, k)));
  };
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * 64);
    scanChunk(state, bytes.subarray(at, at + size), false, onRecord);
    at += size;
  }
  const tail = scanChunk(state, Buffer.alloc(0), true, onRecord);
  return { records, defects: flagged.length, flagged, tail };
}

const reference = (text: string, delimiter = ','): string[][] =>
  parse(text, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false }) as string[][];

const ALPHABET = ['a', 'Z', '0', '9', ' ', ',', '"', '\n', '\r\n', '\t', 'é', '日', 'null', '-'];

function randomField(random: () => number): string {
  const n = Math.floor(random() * 8);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

/** JMeter's quoting: a field holding the delimiter, a quote, CR or LF is quoted and its quotes doubled. */
const quote = (s: string, d: string) => (s.includes(d) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function randomJtlText(random: () => number, delimiter: string): string {
  const records: string[] = [];
  for (let r = 0; r < 40; r++) {
    const fields = Array.from({ length: 1 + Math.floor(random() * 6) }, () => quote(randomField(random), delimiter));
    records.push(fields.join(delimiter));
  }
  return records.map((rec) => rec + (random() < 0.3 ? '\r\n' : '\n')).join('');
}

describe('the fast CSV scanner agrees with csv-parse (the reference reader)', () => {
  it('on generated JMeter-style CSV: quotes, doubled quotes, multi-line fields, CRLF, UTF-8, any chunking', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 300; round++) {
      const delimiter = round % 3 === 0 ? '\t' : ',';
      const text = randomJtlText(random, delimiter);
      const ours = scan(text, random, delimiter);
      expect(ours.defects, text).toBe(0);
      expect(ours.tail).toBe('');
      expect(ours.records, text).toEqual(reference(text, delimiter));
    }
  });

  it('on randomly mutated input, both ways: csv-parse rejects it ⇔ we flag a defect; when it accepts, the same records', () => {
    const random = seededRandom(7);
    let rejected = 0;
    let accepted = 0;
    for (let round = 0; round < 500; round++) {
      const chars = [...randomJtlText(random, ',')];
      for (let m = 0; m < 3; m++) {
        const at = Math.floor(random() * chars.length);
        if (random() < 0.5) chars.splice(at, 1);
        else chars.splice(at, 0, ['"', ',', '\n', 'x'][Math.floor(random() * 4)]!);
      }
      const text = chars.join('');
      const ours = scan(text, random);
      let theirs: string[][] | undefined;
      try {
        theirs = reference(text);
      } catch {
        theirs = undefined;
      }
      if (theirs === undefined) {
        rejected += 1;
        expect(ours.defects, text).toBeGreaterThan(0);
      } else {
        accepted += 1;
        // csv-parse accepted it: we flag nothing either, but a last record without a line end (a killed run's tail
        // for us, a record for csv-parse), and we read the same records.
        const lastWithoutLineEnd = ours.tail === TRUNCATED.noLineEnd ? 1 : 0;
        expect(ours.flagged.slice(0, ours.flagged.length - lastWithoutLineEnd), text).toEqual([]);
        expect(ours.flagged.slice(ours.flagged.length - lastWithoutLineEnd), text).toEqual(lastWithoutLineEnd ? [TRUNCATED.noLineEnd] : []);
        expect(ours.records, text).toEqual(theirs);
      }
    }
    expect(rejected).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(50);
  });
});

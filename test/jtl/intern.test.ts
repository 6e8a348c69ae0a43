import { describe, expect, it } from 'vitest';

import { ByteInterner } from '../../src/jtl/intern.js';

const intern = (i: ByteInterner, text: string, pad = 3) => {
  // The string sits inside a larger buffer, as a field inside a chunk does.
  const buf = Buffer.concat([Buffer.alloc(pad, 0x2c), Buffer.from(text), Buffer.alloc(pad, 0x2c)]);
  return i.intern(buf, pad, pad + Buffer.byteLength(text));
};

describe('ByteInterner', () => {
  it('returns the decoded text, the same string object for the same bytes', () => {
    const i = new ByteInterner();
    const a = intern(i, 'GET /api/tools');
    expect(a).toBe('GET /api/tools');
    expect(intern(i, 'GET /api/tools', 9)).toBe(a);
    expect(intern(i, 'initialize — résumé ✓')).toBe('initialize — résumé ✓');
    expect(intern(i, '')).toBe('');
  });

  it('tells apart strings that share length, ends and middle (the bytes it samples for the hash)', () => {
    const i = new ByteInterner();
    const labels = Array.from({ length: 300 }, (_, k) => `/api/x${String(k).padStart(3, '0')}y/end`);
    for (let round = 0; round < 3; round++) for (const label of labels) expect(intern(i, label)).toBe(label);
  });

  it('stays right past its table size: new strings are then decoded each time', () => {
    const i = new ByteInterner();
    const labels = Array.from({ length: 10_000 }, (_, k) => `GET /items/${k}`);
    for (const label of labels) expect(intern(i, label)).toBe(label);
    for (const label of labels) expect(intern(i, label)).toBe(label);
  });
});

describe('ByteInterner with labels that differ only where no byte is sampled (ids in the middle)', () => {
  it('switches to hashing every byte and still returns the right strings', () => {
    const interner = new ByteInterner();
    const labels = Array.from({ length: 5000 }, (_, i) => `GET /users/${String(i).padStart(5, '0')}/profile`);
    for (let round = 0; round < 2; round++) {
      for (const label of labels) {
        const bytes = Buffer.from(`,${label},`);
        expect(interner.intern(bytes, 1, bytes.length - 1)).toBe(label);
      }
    }
  });
});

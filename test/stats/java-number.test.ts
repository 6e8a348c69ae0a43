import { describe, expect, it } from 'vitest';

import { javaHashMapOrder } from '../../src/stats/java-hash-order.js';
import { javaDoubleToString, javaFloatToString } from '../../src/stats/java-number.js';

describe('numbers as Java 17 prints them (checked against Double.toString / Float.toString output)', () => {
  it('doubles: a fraction digit always, E notation outside [10^-3, 10^7), shortest digits, negatives', () => {
    expect(javaDoubleToString(20)).toBe('20.0');
    expect(javaDoubleToString(0)).toBe('0.0');
    expect(javaDoubleToString(1.941747572815534)).toBe('1.941747572815534');
    expect(javaDoubleToString(1.6713091912415328e-9)).toBe('1.6713091912415328E-9');
    expect(javaDoubleToString(9223372036854775807)).toBe('9.223372036854776E18');
    expect(javaDoubleToString(-9223372036854775808)).toBe('-9.223372036854776E18');
    expect(javaDoubleToString(12345678)).toBe('1.2345678E7');
    expect(javaDoubleToString(0.001)).toBe('0.001');
    expect(javaDoubleToString(0.0009)).toBe('9.0E-4');
    expect(javaDoubleToString(Number.NaN)).toBe('NaN');
    expect(javaDoubleToString(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('an exact tie goes to the even digit, as in Java (JavaScript rounds it up)', () => {
    expect(javaFloatToString(137.890625)).toBe('137.89062');
    expect(javaDoubleToString(87850758336241.125)).toBe('8.785075833624112E13');
  });

  it('floats in their shortest float form', () => {
    expect(javaFloatToString((1 * 100) / 3)).toBe('33.333332');
    expect(javaFloatToString(50)).toBe('50.0');
    expect(javaFloatToString(Number.NaN)).toBe('NaN');
    expect(javaFloatToString(0.1)).toBe('0.1');
  });
});

describe('java.util.HashMap iteration order', () => {
  it('orders by bucket of the spread hash, insertion order within a bucket, and grows at 0.75', () => {
    // "Total" and "GET /a" share bucket 7 of 16: insertion order decides; "Select Year Transaction" is in bucket 5.
    expect(javaHashMapOrder(['Total', 'GET /a', 'Select Year Transaction'])).toEqual(['Select Year Transaction', 'Total', 'GET /a']);
    expect(javaHashMapOrder(['GET /a', 'Total'])).toEqual(['GET /a', 'Total']);
    const keys = Array.from({ length: 13 }, (_, i) => String.fromCharCode(97 + i));
    // 13 keys exceed 16 × 0.75: 32 buckets; one-letter keys hash to their code, so the order is by code & 31.
    expect(javaHashMapOrder([...keys].reverse())).toEqual(keys);
  });
});

/**
 * Numbers as Java prints them (Double.toString / Float.toString), which is how Jackson writes JMeter's
 * statistics.json: `20.0`, `1.6713091912415328E-9`, `9.223372036854776E18`, floats in their shortest float form
 * (`33.333332`). The digits are the shortest that read back to the same value; the layout is Java's: plain between
 * 10^-3 and 10^7 (always with a fraction digit), else d.dddE±n.
 */
export function javaDoubleToString(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  // JavaScript's own number-to-string already gives the shortest digits, ties to even, as Java does.
  return javaLayout(value, digitsOf(value < 0 || Object.is(value, -0), String(Math.abs(value))));
}

/** Java's Float.toString of a float32 value (given as the double it widens to). */
export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? 'Infinity' : '-Infinity';
  return javaLayout(f, shortestDigits(f, 9, (s) => Math.fround(Number(s)) === Math.abs(f)));
}

interface Digits {
  readonly negative: boolean;
  /** Significant digits without leading or trailing zeros ("0" for zero). */
  readonly digits: string;
  /** Decimal exponent of the first digit: value = 0.d1d2… × 10^(exponent+1). */
  readonly exponent: number;
}

function shortestDigits(value: number, maxPrecision: number, roundTrips: (text: string) => boolean): Digits {
  const negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  if (abs === 0) return { negative, digits: '0', exponent: 0 };
  let text = abs.toPrecision(maxPrecision);
  for (let p = 1; p <= maxPrecision; p++) {
    const candidate = halfEven(abs, p);
    if (roundTrips(candidate)) {
      text = candidate;
      break;
    }
  }
  return digitsOf(negative, text);
}

/** The digits and exponent of a non-negative number's text (`123.45`, `1.5e-7`, `1e+21`). */
function digitsOf(negative: boolean, text: string): Digits {
  const [mantissa, exp = '0'] = text.split('e');
  const [whole = '', fraction = ''] = mantissa!.split('.');
  const all = (whole + fraction).replace(/^0+/, '');
  const leadingZeros = (whole + fraction).length - all.length;
  const exponent = Number(exp) + whole.length - 1 - leadingZeros;
  return { negative, digits: all.replace(/0+$/, '') || '0', exponent };
}

/**
 * `toPrecision(p)`, except that an exact tie goes to the even digit, as Java's digit generation does
 * (JavaScript rounds ties up: 137.890625 → 137.89063 where Java prints 137.89062).
 */
function halfEven(abs: number, p: number): string {
  const rounded = abs.toPrecision(p);
  // A tie needs the next digit to be 5; only then is the exact expansion worth computing.
  const next = abs.toPrecision(p + 1);
  if (next.replace(/e.*$/, '').at(-1) !== '5') return rounded;
  const exact = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(abs.toPrecision(100));
  if (exact === null) return rounded;
  const all = exact[1]! + (exact[2] ?? '');
  const digits = all.replace(/^0+/, '');
  if (!/^50*$/.test(digits.slice(p)) || Number(digits[p - 1]) % 2 !== 0) return rounded;
  // A tie and the digit below it is even: Java keeps it (rounds down).
  const firstDigitExponent = Number(exact[3] ?? 0) + exact[1]!.length - 1 - (all.length - digits.length);
  return `${digits[0]}.${digits.slice(1, p)}e${firstDigitExponent}`;
}

function javaLayout(value: number, d: Digits): string {
  const sign = d.negative ? '-' : '';
  if (d.digits === '0') return `${sign}0.0`;
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    if (d.exponent >= 0) {
      const whole = d.digits.slice(0, d.exponent + 1).padEnd(d.exponent + 1, '0');
      const fraction = d.digits.slice(d.exponent + 1);
      return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
    }
    return `${sign}0.${'0'.repeat(-d.exponent - 1)}${d.digits}`;
  }
  const fraction = d.digits.slice(1);
  return `${sign}${d.digits[0]}.${fraction === '' ? '0' : fraction}E${d.exponent}`;
}

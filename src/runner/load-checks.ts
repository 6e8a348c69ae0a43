import { ToolkitError } from '../errors.js';

type Rule = readonly [pattern: RegExp, kind: 'positive-int' | 'positive' | 'non-negative', unit: string];

/** Load knobs JMeter would accept and then run nothing (0 threads, 0 s) or nonsense (a negative rate) with. */
const RULES: readonly Rule[] = [
  [/^(?:\w+_)?THREADS$|^CONNECTIONS$|^USERS$/, 'positive-int', 'a positive whole number of threads'],
  [/^(?:\w+_)?DURATION$|^PEAK_HOLD$/, 'positive', 'a positive number of seconds'],
  [/^(?:\w+_)?RPS$|^MSG_PER_SEC$/, 'positive', 'a positive rate in requests per second'],
  [/^(?:\w+_)?RAMP_UP$/, 'non-negative', 'a number of seconds, 0 or more'],
  [/^TIME_SCALE$/, 'positive', 'a positive factor (0.01 plays 100 s in 1 s)'],
];

const fits = (kind: Rule[1], value: number): boolean =>
  Number.isFinite(value) && (kind === 'positive-int' ? Number.isSafeInteger(value) && value > 0 : kind === 'positive' ? value > 0 : value >= 0);

/**
 * Checks the load properties of each source (a profile file, the command line) before JMeter starts, naming the
 * property and where it came from. Values that are JMeter expressions (`${…}`) are JMeter's business.
 */
export function checkLoadProperties(sources: ReadonlyArray<readonly [origin: string, properties: ReadonlyMap<string, string>]>): void {
  for (const [origin, properties] of sources) {
    for (const [name, text] of properties) {
      const rule = RULES.find(([pattern]) => pattern.test(name));
      if (rule === undefined || text.includes('${')) continue;
      const value = text.trim() === '' ? NaN : Number(text);
      if (fits(rule[1], value)) continue;
      throw new ToolkitError('CLI_BAD_PROPERTY_VALUE', `${origin}: ${name}=${text}: expected ${rule[2]}`, { property: name, value: text, origin });
    }
  }
}

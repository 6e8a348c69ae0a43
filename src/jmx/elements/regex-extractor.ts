import { leaf, type Leaf } from '../node.js';
import { boolProp, stringProp } from '../prop-helpers.js';

/** Where the regex looks, as RegexExtractor.useHeaders spells it. */
const SOURCE = { body: 'false', headers: 'true', code: 'code', message: 'message' } as const;

export interface RegexExtractor {
  readonly kind: 'regexExtractor';
  readonly name: string;
  readonly variable: string;
  readonly regex: string;
  readonly source: keyof typeof SOURCE;
  readonly defaultValue: string;
}

export const regexExtractor = (
  name: string,
  o: { variable: string; regex: string; source?: keyof typeof SOURCE; defaultValue?: string },
): RegexExtractor => ({
  kind: 'regexExtractor',
  name,
  variable: o.variable,
  regex: o.regex,
  source: o.source ?? 'body',
  defaultValue: o.defaultValue ?? '',
});

export const regexExtractorNode = (r: RegexExtractor): Leaf =>
  leaf('RegexExtractor', 'RegexExtractorGui', r.name, [
    stringProp('RegexExtractor.useHeaders', SOURCE[r.source]),
    stringProp('RegexExtractor.refname', r.variable),
    stringProp('RegexExtractor.regex', r.regex),
    stringProp('RegexExtractor.template', '$1$'),
    stringProp('RegexExtractor.default', r.defaultValue),
    boolProp('RegexExtractor.default_empty_value', r.defaultValue === ''),
    stringProp('RegexExtractor.match_number', '1'),
  ]);

import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';

export interface JsonExtractor {
  readonly kind: 'jsonExtractor';
  readonly name: string;
  readonly variable: string;
  readonly path: string;
  readonly defaultValue: string;
}

export const jsonExtractor = (
  name: string,
  o: { variable: string; path: string; defaultValue?: string },
): JsonExtractor => ({ kind: 'jsonExtractor', name, variable: o.variable, path: o.path, defaultValue: o.defaultValue ?? '' });

export const jsonExtractorNode = (j: JsonExtractor): Leaf =>
  leaf('JSONPostProcessor', 'JSONPostProcessorGui', j.name, [
    stringProp('JSONPostProcessor.referenceNames', j.variable),
    stringProp('JSONPostProcessor.jsonPathExprs', j.path),
    stringProp('JSONPostProcessor.match_numbers', '1'),
    // The GUI leaves an empty default out.
    ...(j.defaultValue === '' ? [] : [stringProp('JSONPostProcessor.defaultValues', j.defaultValue)]),
  ]);

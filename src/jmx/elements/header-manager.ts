import { leaf, type Leaf } from '../node.js';
import { collectionProp, elementProp, stringProp } from '../prop-helpers.js';
import type { TextValue } from '../props.js';

export type Header = readonly [name: string, value: TextValue];

export interface HeaderManager {
  readonly kind: 'headerManager';
  readonly name: string;
  readonly headers: readonly Header[];
}

export const headerManager = (headers: readonly Header[], name = 'HTTP Header Manager'): HeaderManager => ({
  kind: 'headerManager',
  name,
  headers,
});

export const headerManagerNode = (h: HeaderManager): Leaf =>
  leaf('HeaderManager', 'HeaderPanel', h.name, [
    collectionProp(
      'HeaderManager.headers',
      h.headers.map(([n, value]) =>
        elementProp('', 'Header', [stringProp('Header.name', n), stringProp('Header.value', value)]),
      ),
    ),
  ]);

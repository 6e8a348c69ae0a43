import { leaf, type Leaf } from '../node.js';
import { boolProp, collectionProp } from '../prop-helpers.js';

export interface CookieManager {
  readonly kind: 'cookieManager';
  readonly name: string;
  /** false keeps a logged-in session across iterations (log in once per user). */
  readonly clearEachIteration: boolean;
}

export const cookieManager = (o: { clearEachIteration?: boolean } = {}, name = 'HTTP Cookie Manager'): CookieManager => ({
  kind: 'cookieManager',
  name,
  clearEachIteration: o.clearEachIteration ?? false,
});

export const cookieManagerNode = (c: CookieManager): Leaf =>
  leaf('CookieManager', 'CookiePanel', c.name, [
    collectionProp('CookieManager.cookies', []),
    boolProp('CookieManager.clearEachIteration', c.clearEachIteration),
    boolProp('CookieManager.controlledByThreadGroup', false),
  ]);

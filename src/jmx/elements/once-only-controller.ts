import { leaf, type Leaf } from '../node.js';
import type { ControllerChild } from '../placement.js';

/** Runs its children on each thread's first iteration only (log in, MCP initialize). */
export interface OnceOnlyController {
  readonly kind: 'onceOnlyController';
  readonly name: string;
  readonly children: readonly ControllerChild[];
}

export const onceOnlyController = (name: string, children: readonly ControllerChild[]): OnceOnlyController => ({
  kind: 'onceOnlyController',
  name,
  children,
});

export const onceOnlyControllerNode = (c: OnceOnlyController): Leaf =>
  leaf('OnceOnlyController', 'OnceOnlyControllerGui', c.name, []);

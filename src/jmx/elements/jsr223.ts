import { leaf, type Leaf } from '../node.js';
import { stringProp } from '../prop-helpers.js';
import type { SamplerChild } from '../placement.js';

/**
 * JSR223 (Groovy) sampler and pre/post-processors. The script is compiled once and cached
 * (cacheKey); it must read values through `vars`/`props`, never `${…}`, or caching breaks.
 */
interface ScriptBase {
  readonly name: string;
  readonly script: string;
  readonly parameters: string;
}
export interface Jsr223Sampler extends ScriptBase {
  readonly kind: 'jsr223Sampler';
  readonly children: readonly SamplerChild[];
}
export interface Jsr223PreProcessor extends ScriptBase {
  readonly kind: 'jsr223PreProcessor';
}
export interface Jsr223PostProcessor extends ScriptBase {
  readonly kind: 'jsr223PostProcessor';
}
export type Jsr223Element = Jsr223Sampler | Jsr223PreProcessor | Jsr223PostProcessor;

export const jsr223Sampler = (
  name: string,
  o: { script: string; parameters?: string },
  children: readonly SamplerChild[] = [],
): Jsr223Sampler => ({ kind: 'jsr223Sampler', name, script: o.script, parameters: o.parameters ?? '', children });

export const jsr223PreProcessor = (name: string, o: { script: string; parameters?: string }): Jsr223PreProcessor => ({
  kind: 'jsr223PreProcessor',
  name,
  script: o.script,
  parameters: o.parameters ?? '',
});

export const jsr223PostProcessor = (name: string, o: { script: string; parameters?: string }): Jsr223PostProcessor => ({
  kind: 'jsr223PostProcessor',
  name,
  script: o.script,
  parameters: o.parameters ?? '',
});

const TAG = {
  jsr223Sampler: 'JSR223Sampler',
  jsr223PreProcessor: 'JSR223PreProcessor',
  jsr223PostProcessor: 'JSR223PostProcessor',
} as const;

export const jsr223Node = (e: Jsr223Element): Leaf =>
  leaf(TAG[e.kind], 'TestBeanGUI', e.name, [
    stringProp('cacheKey', 'true'),
    stringProp('filename', ''),
    stringProp('parameters', e.parameters),
    stringProp('script', e.script),
    stringProp('scriptLanguage', 'groovy'),
  ]);

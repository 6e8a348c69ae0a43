import type { JmxProp } from './node.js';
import { text, type BoolValue, type IntValue, type TextValue } from './props.js';

export const stringProp = (name: string, value: TextValue | number): JmxProp => ({
  type: 'stringProp',
  name,
  value: text(value),
});

/** JMeter writes an int property as intProp, but as stringProp once it holds an expression. */
export const intProp = (name: string, value: IntValue): JmxProp =>
  typeof value === 'number' ? { type: 'intProp', name, value: String(value) } : stringProp(name, value);

export const longProp = (name: string, value: IntValue): JmxProp =>
  typeof value === 'number' ? { type: 'longProp', name, value: String(value) } : stringProp(name, value);

export const boolProp = (name: string, value: BoolValue): JmxProp =>
  typeof value === 'boolean' ? { type: 'boolProp', name, value: String(value) } : stringProp(name, value);

export const doubleProp = (name: string, value: IntValue): JmxProp =>
  typeof value === 'number' ? { type: 'doubleProp', name, value: value.toFixed(1) } : stringProp(name, value);

export const collectionProp = (name: string, items: readonly JmxProp[]): JmxProp => ({
  type: 'collectionProp',
  name,
  items,
});

export const elementProp = (
  name: string,
  elementType: string,
  props: readonly JmxProp[],
  attrs?: Readonly<Record<string, string>>,
): JmxProp => ({ type: 'elementProp', name, elementType, props, ...(attrs ? { attrs } : {}) });

/** An `Arguments` element (user-defined variables, HTTP arguments) as JMeter nests it. */
export const argumentsProp = (name: string, items: readonly JmxProp[], http = false): JmxProp =>
  elementProp(name, 'Arguments', [collectionProp('Arguments.arguments', items)], {
    guiclass: http ? 'HTTPArgumentsPanel' : 'ArgumentsPanel',
    testclass: 'Arguments',
    testname: 'User Defined Variables',
  });

export const argumentItem = (name: string, value: TextValue): JmxProp =>
  elementProp(name, 'Argument', [
    stringProp('Argument.name', name),
    stringProp('Argument.value', value),
    stringProp('Argument.metadata', '='),
  ]);

/** JMeter saves an infinite loop count (-1) as intProp, a typed count as stringProp. */
export const loopsProp = (loops: IntValue): JmxProp =>
  loops === -1 ? intProp('LoopController.loops', -1) : stringProp('LoopController.loops', loops);

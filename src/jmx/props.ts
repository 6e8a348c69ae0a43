/** A JMeter property reference `${__P(NAME,default)}`: every knob of a plan is one of these. */
export interface PropRef {
  readonly kind: 'prop';
  readonly name: string;
  /** `undefined` only for secrets (TOKEN): rendered as `${__P(NAME,)}`, an empty default. */
  readonly default: string | number | boolean | undefined;
}

/** A JMeter variable reference `${NAME}` (set once per test by the plan's user-defined variables). */
export interface VarRef {
  readonly kind: 'var';
  readonly name: string;
}

/** A text template mixing literal text and references, e.g. `tpl\`${v('GW_BASE_PATH')}/tools\``. */
export interface Template {
  readonly kind: 'template';
  readonly parts: readonly (string | Ref)[];
}

export type Ref = PropRef | VarRef;
export type IntValue = number | Ref;
export type BoolValue = boolean | Ref;
export type TextValue = string | Ref | Template;

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function prop(name: string, defaultValue: string | number | boolean): PropRef {
  checkName(name);
  return { kind: 'prop', name, default: defaultValue };
}

/** A property that must never have a default in a plan file (bearer token, passwords). */
export function secretProp(name: string): PropRef {
  checkName(name);
  return { kind: 'prop', name, default: undefined };
}

export function v(name: string): VarRef {
  checkName(name);
  return { kind: 'var', name };
}

export function tpl(strings: TemplateStringsArray, ...refs: readonly (Ref | string | number)[]): Template {
  const parts: (string | Ref)[] = [];
  strings.forEach((s, i) => {
    if (s !== '') parts.push(s);
    const r = refs[i];
    if (r !== undefined) parts.push(typeof r === 'object' ? r : String(r));
  });
  return { kind: 'template', parts };
}

export function isRef(x: unknown): x is Ref {
  return typeof x === 'object' && x !== null && ((x as Ref).kind === 'prop' || (x as Ref).kind === 'var');
}

/** The JMeter expression text of a value: literals as they are, references as `${…}`. */
export function text(value: TextValue | number | boolean): string {
  if (typeof value !== 'object') return String(value);
  if (value.kind === 'template') return value.parts.map((p) => (typeof p === 'string' ? p : text(p))).join('');
  if (value.kind === 'var') return `\${${value.name}}`;
  const def = value.default === undefined ? '' : String(value.default);
  return `\${__P(${value.name},${escapeFunctionArg(def)})}`;
}

/** Commas inside a JMeter function argument must be escaped. */
export const escapeFunctionArg = (s: string): string => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,');

function checkName(name: string): void {
  if (!NAME.test(name)) throw new TypeError(`invalid JMeter property/variable name "${name}"`);
}

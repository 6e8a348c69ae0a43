/** The neutral tree every element maps to; only render.ts turns it into XML. */
export type JmxProp =
  | { readonly type: 'stringProp' | 'boolProp' | 'intProp' | 'longProp'; readonly name: string; readonly value: string }
  | { readonly type: 'doubleProp' | 'FloatProperty'; readonly name: string; readonly value: string }
  | {
      readonly type: 'elementProp';
      readonly name: string;
      readonly elementType: string;
      readonly attrs?: Readonly<Record<string, string>>;
      readonly props: readonly JmxProp[];
    }
  | { readonly type: 'collectionProp'; readonly name: string; readonly items: readonly JmxProp[] };

export interface JmxNode {
  /** XML tag: the saveservice alias of the test class (`HTTPSamplerProxy`) or its full name. */
  readonly tag: string;
  readonly testclass: string;
  readonly guiclass: string;
  readonly testname: string;
  readonly enabled?: boolean;
  readonly props: readonly JmxProp[];
  readonly children: readonly JmxNode[];
}

export type Leaf = Omit<JmxNode, 'children'>;

export const leaf = (
  tag: string,
  guiclass: string,
  testname: string,
  props: readonly JmxProp[],
  testclass: string = tag,
): Leaf => ({ tag, testclass, guiclass, testname, props });

import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

import type { JmxNode, JmxProp } from './node.js';

/** JmxNode tree → .jmx text. Attribute and property order is fixed by the node, so output is stable. */
export function renderJmx(root: JmxNode): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const top = doc.ele('jmeterTestPlan', { version: '1.2', properties: '5.0', jmeter: '5.6.3' }).ele('hashTree');
  addNode(top, root);
  return doc.end({ prettyPrint: true, indent: '  ' }) + '\n';
}

function addNode(parent: XMLBuilder, node: JmxNode): void {
  const attrs: Record<string, string> = {
    guiclass: node.guiclass,
    testclass: node.testclass,
    testname: node.testname,
  };
  if (node.enabled === false) attrs.enabled = 'false';
  const el = parent.ele(node.tag, attrs);
  for (const p of node.props) addProp(el, p);
  const tree = parent.ele('hashTree');
  for (const child of node.children) addNode(tree, child);
}

function addProp(parent: XMLBuilder, p: JmxProp): void {
  switch (p.type) {
    case 'collectionProp': {
      const c = parent.ele('collectionProp', { name: p.name });
      for (const item of p.items) addProp(c, item);
      return;
    }
    case 'elementProp': {
      const e = parent.ele('elementProp', { name: p.name, elementType: p.elementType, ...(p.attrs ?? {}) });
      for (const item of p.props) addProp(e, item);
      return;
    }
    case 'doubleProp':
    case 'FloatProperty': {
      const d = parent.ele(p.type);
      d.ele('name').txt(p.name);
      d.ele('value').txt(p.value);
      d.ele('savedValue').txt('0.0');
      return;
    }
    default: {
      const s = parent.ele(p.type, { name: p.name });
      if (p.value !== '') s.txt(p.value);
    }
  }
}

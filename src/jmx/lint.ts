import sax from 'sax';

import { EVALUATED_ONCE, isKnownGuiClass, isKnownTestClass } from './known-classes.js';

export type LintRule = 'unknown-class' | 'property-without-default' | 'embedded-secret' | 'gui-listener' | 'per-request-script';

export interface LintFinding {
  readonly rule: LintRule;
  /** e.g. `TestPlan/ThreadGroup[REST mix]/HTTPSamplerProxy[GET /tools]` */
  readonly path: string;
  readonly message: string;
}

interface Frame {
  /** Path of the test element this XML node belongs to (for a hashTree: the element it holds the children of). */
  readonly path: string;
  /** Tag of that test element (`HTTPSamplerProxy`), used to tell once-evaluated elements apart. */
  readonly owner: string;
}

const SECRET_NAME = /(TOKEN|PASSWORD|SECRET)$/i;
const SCRIPT_FN = /\$\{__(javaScript|groovy|jexl2|jexl3|BeanShell)\(/;
const NO_DEFAULT = /\$\{__(?:P|property)\(\s*([A-Za-z_][\w.]*)\s*\)\}/g;
const SECRET_DEFAULT = /\$\{__P\(\s*([A-Za-z_][\w.]*)\s*,([^)}]+)\)\}/g;
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/;
const LITERAL_BEARER = /Bearer\s+(?!\$\{)[A-Za-z0-9._~+/=-]{16,}/;

/** Static checks on a .jmx text; the build runs the same checks on every generated plan. */
export function lintJmx(xml: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const stack: Frame[] = [];
  let lastClosed: Frame = { path: '', owner: '' };
  let textBuf = '';
  const parser = sax.parser(true, { trim: false });
  parser.onopentag = (node) => {
    textBuf = '';
    const a = node.attributes as Record<string, string>;
    const top = stack[stack.length - 1] ?? { path: '', owner: '' };
    if (node.name === 'hashTree') return void stack.push(lastClosed);
    if (a.testclass === undefined || node.name === 'elementProp') return void stack.push(top);
    const path = top.path === '' ? node.name : `${top.path}/${node.name}[${a.testname ?? ''}]`;
    stack.push({ path, owner: node.name });
    checkClasses(path, a.testclass, a.guiclass ?? '', findings);
  };
  parser.ontext = (t) => void (textBuf += t);
  parser.onclosetag = (name) => {
    const frame = stack.pop();
    if (frame && textBuf.trim() !== '') checkText(frame, textBuf, findings);
    textBuf = '';
    if (frame && name === frame.owner) lastClosed = frame;
  };
  parser.onerror = (e) => {
    throw e;
  };
  parser.write(xml).close();
  if (!/<jmeterTestPlan[\s>]/.test(xml)) throw new Error('root element is not <jmeterTestPlan>');
  return findings;
}

function checkClasses(path: string, testclass: string, guiclass: string, out: LintFinding[]): void {
  if (testclass === 'ResultCollector' || /Visualizer|Graph/.test(guiclass)) {
    out.push({ rule: 'gui-listener', path, message: `GUI listener ${guiclass || testclass}: results belong in the -l file` });
    return;
  }
  if (!isKnownTestClass(testclass)) out.push({ rule: 'unknown-class', path, message: `testclass ${testclass} is not a JMeter 5.6.3 / plugin class the toolkit knows` });
  if (!isKnownGuiClass(guiclass)) out.push({ rule: 'unknown-class', path, message: `guiclass ${guiclass} is not a JMeter 5.6.3 / plugin class the toolkit knows` });
}

function checkText(frame: Frame, value: string, out: LintFinding[]): void {
  const { path, owner: tag } = frame;
  for (const m of value.matchAll(NO_DEFAULT)) {
    out.push({ rule: 'property-without-default', path, message: `\${__P(${m[1]})} has no default: write \${__P(${m[1]},default)}` });
  }
  for (const m of value.matchAll(SECRET_DEFAULT)) {
    if (SECRET_NAME.test(m[1] ?? '') && (m[2] ?? '').trim() !== '') {
      out.push({ rule: 'embedded-secret', path, message: `secret property ${m[1]} has a default value in the file` });
    }
  }
  if (JWT.test(value)) out.push({ rule: 'embedded-secret', path, message: 'a JWT is embedded in the plan' });
  else if (LITERAL_BEARER.test(value)) out.push({ rule: 'embedded-secret', path, message: 'a literal bearer token is embedded in the plan' });
  const fn = SCRIPT_FN.exec(value);
  if (fn && !EVALUATED_ONCE.has(tag)) {
    out.push({ rule: 'per-request-script', path, message: `__${fn[1]} is evaluated on every request here: compute it once (test plan variables)` });
  }
}

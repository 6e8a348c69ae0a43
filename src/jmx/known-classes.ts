import { JMETER_GUI_CLASSES, JMETER_TEST_CLASSES, SAVESERVICE_ALIASES } from './jmeter-classes.js';

/**
 * The classes a plan may name: every test element and GUI class of the installed JMeter 5.6.3 and the WebSocket
 * Samplers plugin (jmeter-classes.ts, generated from the jars), by class name or by saveservice short name.
 */
const TEST = new Set(JMETER_TEST_CLASSES);
const GUI = new Set(JMETER_GUI_CLASSES);

/** A saveservice short name (`HTTPSamplerProxy`) → its class; any other name is taken as a class name. */
export const resolveClassName = (name: string): string => (Object.hasOwn(SAVESERVICE_ALIASES, name) ? SAVESERVICE_ALIASES[name]! : name);

export const isKnownTestClass = (name: string): boolean => TEST.has(resolveClassName(name));
export const isKnownGuiClass = (name: string): boolean => GUI.has(resolveClassName(name));

/** Every name lint accepts as a testclass / guiclass: the class names and their short names. */
const withAliases = (classes: ReadonlySet<string>): readonly string[] => [
  ...classes,
  ...Object.entries(SAVESERVICE_ALIASES).filter(([, c]) => classes.has(c)).map(([alias]) => alias),
];
export const KNOWN_TEST_CLASSES: readonly string[] = withAliases(TEST);
export const KNOWN_GUI_CLASSES: readonly string[] = withAliases(GUI);

/** Elements whose fields JMeter evaluates once per test or per thread start, not per request. */
export const EVALUATED_ONCE: ReadonlySet<string> = new Set([
  'TestPlan', 'Arguments', 'ThreadGroup', 'SetupThreadGroup', 'PostThreadGroup',
]);

/**
 * Test and GUI classes a plan may use: JMeter 5.6.3 saveservice aliases or full class names.
 * test/jmx/classes.test.ts checks that every one exists in the installed jars.
 */
export const KNOWN_TEST_CLASSES: readonly string[] = [
  'TestPlan', 'ThreadGroup', 'SetupThreadGroup', 'PostThreadGroup', 'HTTPSamplerProxy', 'HeaderManager',
  'CookieManager', 'ConfigTestElement', 'CSVDataSet', 'Arguments', 'ConstantThroughputTimer', 'UniformRandomTimer',
  'ConstantTimer', 'ThroughputController', 'RandomController', 'IfController', 'OnceOnlyController',
  'TransactionController', 'LoopController', 'RunTime', 'ResponseAssertion', 'JSONPathAssertion', 'RegexExtractor',
  'JSONPostProcessor', 'JSR223Sampler', 'JSR223PreProcessor', 'JSR223PostProcessor',
  'eu.luminis.jmeter.wssampler.OpenWebSocketSampler', 'eu.luminis.jmeter.wssampler.RequestResponseWebSocketSampler',
  'eu.luminis.jmeter.wssampler.SingleWriteWebSocketSampler', 'eu.luminis.jmeter.wssampler.SingleReadWebSocketSampler',
  'eu.luminis.jmeter.wssampler.CloseWebSocketSampler', 'eu.luminis.jmeter.wssampler.PingFrameFilter',
];

export const KNOWN_GUI_CLASSES: readonly string[] = [
  'TestPlanGui', 'ThreadGroupGui', 'SetupThreadGroupGui', 'PostThreadGroupGui', 'HttpTestSampleGui', 'HeaderPanel',
  'CookiePanel', 'HttpDefaultsGui', 'TestBeanGUI', 'ArgumentsPanel', 'HTTPArgumentsPanel', 'UniformRandomTimerGui',
  'ConstantTimerGui', 'ThroughputControllerGui', 'RandomControlGui', 'IfControllerPanel', 'OnceOnlyControllerGui',
  'TransactionControllerGui', 'LoopControlPanel', 'RunTimeGui', 'AssertionGui', 'JSONPathAssertionGui', 'RegexExtractorGui',
  'JSONPostProcessorGui', 'eu.luminis.jmeter.wssampler.OpenWebSocketSamplerGui',
  'eu.luminis.jmeter.wssampler.RequestResponseWebSocketSamplerGui',
  'eu.luminis.jmeter.wssampler.SingleWriteWebSocketSamplerGui',
  'eu.luminis.jmeter.wssampler.SingleReadWebSocketSamplerGui', 'eu.luminis.jmeter.wssampler.CloseWebSocketSamplerGui',
  'eu.luminis.jmeter.wssampler.PingFrameFilterGui',
];

/** Elements whose fields JMeter evaluates once per test or per thread start, not per request. */
export const EVALUATED_ONCE: ReadonlySet<string> = new Set([
  'TestPlan', 'Arguments', 'ThreadGroup', 'SetupThreadGroup', 'PostThreadGroup',
]);

/** Where each element may sit: the compiler checks placement, as jmeter-java-dsl's marker interfaces do. */
import type { ConstantThroughputTimer } from './elements/constant-throughput-timer.js';
import type { ConstantTimer } from './elements/constant-timer.js';
import type { CookieManager } from './elements/cookie-manager.js';
import type { CsvDataSet } from './elements/csv-data-set.js';
import type { HeaderManager } from './elements/header-manager.js';
import type { HttpDefaults } from './elements/http-defaults.js';
import type { HttpSampler } from './elements/http-sampler.js';
import type { IfController } from './elements/if-controller.js';
import type { JsonAssertion } from './elements/json-assertion.js';
import type { JsonExtractor } from './elements/json-extractor.js';
import type { Jsr223PostProcessor, Jsr223PreProcessor, Jsr223Sampler } from './elements/jsr223.js';
import type { LoopController } from './elements/loop-controller.js';
import type { OnceOnlyController } from './elements/once-only-controller.js';
import type { RandomController } from './elements/random-controller.js';
import type { RegexExtractor } from './elements/regex-extractor.js';
import type { ResponseAssertion } from './elements/response-assertion.js';
import type { RuntimeController } from './elements/runtime-controller.js';
import type { SetupThreadGroup, TeardownThreadGroup, ThreadGroup } from './elements/thread-group.js';
import type { ThroughputController } from './elements/throughput-controller.js';
import type { TransactionController } from './elements/transaction-controller.js';
import type { TestPlan } from './elements/test-plan.js';
import type { UniformRandomTimer } from './elements/uniform-random-timer.js';
import type { UserVariables } from './elements/user-variables.js';
import type { WsClose } from './elements/ws-close.js';
import type { WsOpen } from './elements/ws-open.js';
import type { WsPingFrameFilter } from './elements/ws-ping-frame-filter.js';
import type { WsRequestResponse } from './elements/ws-request-response.js';
import type { WsSingleRead } from './elements/ws-single-read.js';
import type { WsSingleWrite } from './elements/ws-single-write.js';

export type Sampler = HttpSampler | Jsr223Sampler | WsOpen | WsRequestResponse | WsSingleWrite | WsSingleRead | WsClose;
export type Controller =
  | ThroughputController
  | RandomController
  | IfController
  | OnceOnlyController
  | TransactionController
  | LoopController
  | RuntimeController;
export type Timer = ConstantThroughputTimer | UniformRandomTimer | ConstantTimer;
export type ConfigElement = HeaderManager | CookieManager | HttpDefaults | CsvDataSet | UserVariables | WsPingFrameFilter;
export type Assertion = ResponseAssertion | JsonAssertion;
export type PostProcessor = RegexExtractor | JsonExtractor | Jsr223PostProcessor;
export type PreProcessor = Jsr223PreProcessor;

export type SamplerChild = Assertion | PostProcessor | PreProcessor | Timer | HeaderManager;
export type ThreadGroupChild = Sampler | Controller | Timer | ConfigElement | Assertion | PostProcessor | PreProcessor;
export type ControllerChild = ThreadGroupChild;
export type AnyThreadGroup = ThreadGroup | SetupThreadGroup | TeardownThreadGroup;
export type TestPlanChild = AnyThreadGroup | ConfigElement | Timer | Assertion;

export type Element = TestPlan | AnyThreadGroup | ThreadGroupChild;
export type ElementKind = Element['kind'];

export const SAMPLER_KINDS: ReadonlySet<ElementKind> = new Set([
  'httpSampler',
  'jsr223Sampler',
  'wsOpen',
  'wsRequestResponse',
  'wsSingleWrite',
  'wsSingleRead',
  'wsClose',
]);

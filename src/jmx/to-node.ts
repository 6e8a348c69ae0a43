import { constantThroughputTimerNode } from './elements/constant-throughput-timer.js';
import { constantTimerNode } from './elements/constant-timer.js';
import { cookieManagerNode } from './elements/cookie-manager.js';
import { csvDataSetNode } from './elements/csv-data-set.js';
import { headerManagerNode } from './elements/header-manager.js';
import { httpDefaultsNode } from './elements/http-defaults.js';
import { httpSamplerNode } from './elements/http-sampler.js';
import { ifControllerNode } from './elements/if-controller.js';
import { jsonAssertionNode } from './elements/json-assertion.js';
import { jsonExtractorNode } from './elements/json-extractor.js';
import { jsr223Node } from './elements/jsr223.js';
import { loopControllerNode } from './elements/loop-controller.js';
import { onceOnlyControllerNode } from './elements/once-only-controller.js';
import { randomControllerNode } from './elements/random-controller.js';
import { regexExtractorNode } from './elements/regex-extractor.js';
import { responseAssertionNode } from './elements/response-assertion.js';
import { runtimeControllerNode } from './elements/runtime-controller.js';
import { testPlanNode } from './elements/test-plan.js';
import { threadGroupNode } from './elements/thread-group.js';
import { throughputControllerNode } from './elements/throughput-controller.js';
import { transactionControllerNode } from './elements/transaction-controller.js';
import { uniformRandomTimerNode } from './elements/uniform-random-timer.js';
import { userVariablesNode } from './elements/user-variables.js';
import { wsCloseNode } from './elements/ws-close.js';
import { wsOpenNode } from './elements/ws-open.js';
import { wsPingFrameFilterNode } from './elements/ws-ping-frame-filter.js';
import { wsRequestResponseNode } from './elements/ws-request-response.js';
import { wsSingleReadNode } from './elements/ws-single-read.js';
import { wsSingleWriteNode } from './elements/ws-single-write.js';
import type { JmxNode, Leaf } from './node.js';
import type { Element } from './placement.js';

/** The element's own node, without children. */
export function leafOf(e: Element): Leaf {
  switch (e.kind) {
    case 'testPlan': return testPlanNode(e);
    case 'threadGroup':
    case 'setupThreadGroup':
    case 'teardownThreadGroup': return threadGroupNode(e);
    case 'httpSampler': return httpSamplerNode(e);
    case 'jsr223Sampler':
    case 'jsr223PreProcessor':
    case 'jsr223PostProcessor': return jsr223Node(e);
    case 'wsOpen': return wsOpenNode(e);
    case 'wsRequestResponse': return wsRequestResponseNode(e);
    case 'wsSingleWrite': return wsSingleWriteNode(e);
    case 'wsSingleRead': return wsSingleReadNode(e);
    case 'wsClose': return wsCloseNode(e);
    case 'wsPingFrameFilter': return wsPingFrameFilterNode(e);
    case 'throughputController': return throughputControllerNode(e);
    case 'randomController': return randomControllerNode(e);
    case 'ifController': return ifControllerNode(e);
    case 'onceOnlyController': return onceOnlyControllerNode(e);
    case 'transactionController': return transactionControllerNode(e);
    case 'loopController': return loopControllerNode(e);
    case 'runtimeController': return runtimeControllerNode(e);
    case 'constantThroughputTimer': return constantThroughputTimerNode(e);
    case 'uniformRandomTimer': return uniformRandomTimerNode(e);
    case 'constantTimer': return constantTimerNode(e);
    case 'headerManager': return headerManagerNode(e);
    case 'cookieManager': return cookieManagerNode(e);
    case 'httpDefaults': return httpDefaultsNode(e);
    case 'csvDataSet': return csvDataSetNode(e);
    case 'userVariables': return userVariablesNode(e);
    case 'responseAssertion': return responseAssertionNode(e);
    case 'jsonAssertion': return jsonAssertionNode(e);
    case 'regexExtractor': return regexExtractorNode(e);
    case 'jsonExtractor': return jsonExtractorNode(e);
  }
}

export const childrenOf = (e: Element): readonly Element[] => ('children' in e ? e.children : []);

export const toNode = (e: Element): JmxNode => ({ ...leafOf(e), children: childrenOf(e).map(toNode) });

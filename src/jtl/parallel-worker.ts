/** The worker thread of parallel.ts: reads its share of a large CSV JTL and sends the aggregation back. */
import { parentPort, workerData } from 'node:worker_threads';

import { readPart, type PartRequest } from './read-part.js';

parentPort!.postMessage(await readPart(workerData as PartRequest));

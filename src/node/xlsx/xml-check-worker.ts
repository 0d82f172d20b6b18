import { parentPort, workerData } from 'node:worker_threads';
import { firstXmlProblem, type XmlPart } from './xml-problem.js';

/**
 * The XML parse of a save's check on a thread of its own (check-package.ts,
 * checkProducedXmlOffThread): it gets the parts as workerData, answers with
 * firstXmlProblem's result and ends. Built to dist/xml-check-worker.mjs beside the command.
 */
parentPort?.postMessage(firstXmlProblem(workerData as XmlPart[]));

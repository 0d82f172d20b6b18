import { parentPort } from 'node:worker_threads';
import { firstXmlProblem, type XmlPart } from './xml-problem.js';

/**
 * The XML parse of a save's check on a thread of its own (check-package.ts,
 * startXmlCheck): it parses each part as it is posted; null, posted after the last,
 * asks for firstXmlProblem's answer over them all, and ends the thread. Built to
 * dist/xml-check-worker.mjs beside the command.
 */
let found: ReturnType<typeof firstXmlProblem> = null;
parentPort?.on('message', (part: XmlPart | null) => {
  if (part !== null) {
    found ??= firstXmlProblem([part]);
    return;
  }
  parentPort?.postMessage(found);
  parentPort?.close();
});

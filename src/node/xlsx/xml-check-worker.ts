import { parentPort } from 'node:worker_threads';
import { XmlPartsCheck, type XmlChunk } from './xml-problem.js';

/**
 * The XML parse of a save's check on a thread of its own (check-package.ts,
 * startXmlCheck): it parses each chunk of a part as it is posted; null, posted after the
 * last, asks for the first problem found, and ends the thread. Built to
 * dist/xml-check-worker.mjs beside the command.
 */
const check = new XmlPartsCheck();
parentPort?.on('message', (chunk: XmlChunk | null) => {
  if (chunk !== null) {
    check.add(chunk);
    return;
  }
  parentPort?.postMessage(check.found());
  parentPort?.close();
});

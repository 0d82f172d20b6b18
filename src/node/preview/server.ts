import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callServer } from '../../app/server/server-function.js';
import { type Settings, defaultSettings } from '../../core/settings/schema.js';
import { type LocalBook, openLocalBook } from '../book/local-book.js';
import { localToday } from '../io.js';
import { withBridge } from './bridge.js';
import { type PreviewOptions, type PreviewSession, previewSession } from './preview-context.js';
import { READ_ONLY, serverFunctions } from './server-functions.js';

export interface StartPreview extends Partial<PreviewOptions> {
  /** An .xlsx file or a CSV folder; changed in place after every call that writes. */
  readonly book: string;
  readonly sidebarPath?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly settings?: Partial<Settings>;
  /** Where errors that are bugs are reported. */
  readonly log?: (line: string) => void;
}

export interface PreviewServer {
  readonly url: string;
  readonly local: LocalBook;
  readonly session: PreviewSession;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

/**
 * Serves dist/Sidebar.html on 127.0.0.1 with a google.script.run bridge, and answers each
 * bridged call by running the same server function Apps Script would (src/app/server)
 * over the local book. Calls run one at a time, as executions holding the document lock
 * would, and the book is saved after each one that writes.
 */
export async function startPreview(options: StartPreview): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const local = await openLocalBook(options.book, { ...defaultSettings.tabs, ...options.settings?.tabs });
  const session = previewSession(local.workbook, local.state, {
    user: options.user ?? 'manager@example.com',
    today: options.today ?? localToday(),
    timeZone: options.timeZone ?? 'Etc/UTC',
    writeMsPerCall: options.writeMsPerCall ?? null,
    executionLimitMs: options.executionLimitMs ?? 6 * 60 * 1000,
  }, options.settings);
  const functions = serverFunctions(session.filterViews);
  const page = withBridge(await readFile(options.sidebarPath ?? 'dist/Sidebar.html', 'utf8'));
  let queue: Promise<unknown> = Promise.resolve();

  const call = async (name: string, args: unknown[]): Promise<unknown> => {
    const fn = functions.get(name);
    if (!fn) throw Object.assign(new Error(`There is no server function ${name}.`), { name: 'NotFound' });
    const value = callServer(fn, session.context(), args[0]);
    if (!READ_ONLY.has(name)) await local.save(local.path);
    return value;
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: Error) => {
      log(`preview: ${error.stack ?? error.message}`);
      if (!response.headersSent) send(response, 500, 'text/plain', 'preview server error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/Sidebar.html')) {
      send(response, 200, 'text/html; charset=utf-8', page);
      return;
    }
    const match = /^\/call\/([A-Za-z][A-Za-z0-9]*)$/.exec(url.pathname);
    if (request.method !== 'POST' || !match) {
      send(response, 404, 'text/plain', 'not found');
      return;
    }
    const args = JSON.parse(await body(request)) as unknown[];
    const name = match[1];
    const run = queue.then(() => call(name, Array.isArray(args) ? args : [args]));
    queue = run.catch(() => undefined);
    const answer = await run.then(
      (value) => ({ ok: true, value }),
      (error: Error) => {
        if (error.name !== 'CannotRun') log(`preview: ${name} failed: ${error.stack ?? error.message}`);
        return { ok: false, error: { name: error.name, message: error.message } };
      },
    );
    send(response, 200, 'application/json', JSON.stringify(answer));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    local,
    session,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function send(response: ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) reject(new Error('request too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

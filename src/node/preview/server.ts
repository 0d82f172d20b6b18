import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callServer } from '../../app/server/server-function.js';
import { type Settings, defaultSettings } from '../../core/settings/schema.js';
import { type BookLock, lockBook } from '../book/book-lock.js';
import { type LocalBook, openLocalBook } from '../book/local-book.js';
import { realLocation } from '../book/real-location.js';
import { recoverCommit } from '../book/transaction.js';
import { localToday } from '../io.js';
import { terminalOutput } from '../terminal-text.js';
import { TOKEN_HEADER, withBridge } from './bridge.js';
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
 *
 * Only the preview's own page may call (issue 12: a page on another local port changed the
 * book with a no-cors POST). Every request must name the server's own address as its Host
 * (a DNS-rebound name is refused, so no other site can read the page and its token); a
 * call must also come from the server's own Origin and carry the token made at this start,
 * which only the served page holds. Anything else gets 403 and changes nothing.
 */
export async function startPreview(options: StartPreview): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => terminalOutput(process.stderr).write(`${line}\n`));
  // The preview holds the book as a command does, for as long as it serves: it saves its
  // calls over the book, so a command run meanwhile would be overwritten (or refused).
  const location = await realLocation(options.book);
  const lock = await lockBook(location, 'preview', log);
  try {
    await recoverCommit(location, log);
    return await servePreview(options, log, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function servePreview(options: StartPreview, log: (line: string) => void, lock: BookLock): Promise<PreviewServer> {
  const local = await openLocalBook(options.book, { ...defaultSettings.tabs, ...options.settings?.tabs }, options.settings?.columns?.customers);
  const session = previewSession(local.workbook, local.state, {
    user: options.user ?? 'manager@example.com',
    today: options.today ?? localToday(),
    timeZone: options.timeZone ?? 'Etc/UTC',
    writeMsPerCall: options.writeMsPerCall ?? null,
    executionLimitMs: options.executionLimitMs ?? 6 * 60 * 1000,
  }, options.settings);
  const functions = serverFunctions(session.filterViews);
  const token = randomBytes(32).toString('base64url');
  const page = withBridge(await readFile(options.sidebarPath ?? 'dist/Sidebar.html', 'utf8'), token);
  let ownHost = '';
  let queue: Promise<unknown> = Promise.resolve();

  const call = async (name: string, args: unknown[]): Promise<unknown> => {
    const fn = functions.get(name);
    if (!fn) throw Object.assign(new Error(`There is no server function ${name}.`), { name: 'NotFound' });
    const value = callServer(fn, session.context(), args[0]);
    if (!READ_ONLY.has(name)) for (const notice of await local.save(local.path)) log(`preview: ${notice}`);
    return value;
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: Error) => {
      log(`preview: ${error.stack ?? error.message}`);
      if (!response.headersSent) send(response, 500, 'text/plain', 'preview server error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== ownHost) {
      send(response, 403, 'text/plain', 'forbidden: this preview answers only to its own address');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${ownHost}`);
    if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/Sidebar.html')) {
      send(response, 200, 'text/html; charset=utf-8', page);
      return;
    }
    const match = /^\/call\/([A-Za-z][A-Za-z0-9]*)$/.exec(url.pathname);
    if (request.method !== 'POST' || !match) {
      send(response, 404, 'text/plain', 'not found');
      return;
    }
    if (request.headers.origin !== `http://${ownHost}` || !sameToken(request.headers[TOKEN_HEADER], token)) {
      send(response, 403, 'text/plain', 'forbidden: only the preview page may call the server');
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
  ownHost = `127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    local,
    session,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await lock.release();
    },
  };
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
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

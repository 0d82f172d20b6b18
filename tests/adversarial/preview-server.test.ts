import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSidebar } from '../ui/browser.js';
import { type PreviewFixture, demoPreview } from '../ui/preview-fixture.js';

/**
 * The preview server lets in only its own page (issue 12 item 2): a request must name the
 * server's own address as Host, and a call must come from its own Origin with the token
 * embedded in the page at this start. Everything else gets 403 and the book file keeps its
 * bytes. Real HTTP requests, and a real browser for the cross-origin page.
 */
interface Answer {
  readonly status: number;
  readonly body: string;
}

let fixture: PreviewFixture;
let own: string;
let token: string;

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(path, fixture.preview.url);
  return new Promise((resolve, reject) => {
    const headers = options.headers ?? {};
    // An empty Host means none at all: Node would otherwise add one.
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: headers.host === '' ? {} : headers, setHost: headers.host !== '' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (name: string, headers: Record<string, string>, args: unknown = [{}]) =>
  send(`/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });
const good = () => ({ host: own, origin: `http://${own}`, 'x-tierwise-token': token });
const bookSum = () => createHash('sha256').update(readFileSync(fixture.bookPath)).digest('hex');

beforeAll(async () => {
  fixture = await demoPreview({ customers: 100 });
  own = new URL(fixture.preview.url).host;
  const page = await send('/', { headers: { host: own } });
  token = /var token = "([^"]+)"/.exec(page.body)?.[1] ?? '';
  // Something to undo: a real propose and apply through the page's own channel.
  expect(JSON.parse((await call('propose', good())).body).ok).toBe(true);
  expect(JSON.parse((await call('apply', good())).body).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

describe('the preview page', () => {
  it('is served to its own address with a token of at least 256 bits in it', () => {
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('is refused to a request naming another host (a DNS-rebound name cannot read the token)', async () => {
    const answer = await send('/', { headers: { host: `attacker.test:${new URL(fixture.preview.url).port}` } });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(token);
  });

  it('is refused to localhost:PORT, which is not the address it serves', async () => {
    expect((await send('/', { headers: { host: `localhost:${new URL(fixture.preview.url).port}` } })).status).toBe(403);
  });

  it('is refused to a request with no Host at all (Node itself answers 400 to HTTP/1.1 without one)', async () => {
    const answer = await send('/', { headers: { host: '' } });
    expect([400, 403]).toContain(answer.status);
    expect(answer.body).not.toContain(token);
  });
});

describe('calls that are not from the preview page', () => {
  const port = () => new URL(fixture.preview.url).port;
  const refusals: [string, () => Record<string, string>][] = [
    ['no Origin and no token (a no-cors POST from a page without the token)', () => ({ host: own })],
    ['the Origin of a page on another local port', () => ({ host: own, origin: 'http://127.0.0.1:9999' })],
    ['an Origin of localhost on the same port', () => ({ host: own, origin: `http://localhost:${port()}` })],
    ['the opaque Origin null (a sandboxed frame or a file: page)', () => ({ host: own, origin: 'null' })],
    ['its own Origin but no token', () => ({ host: own, origin: `http://${own}` })],
    ['its own Origin and a wrong token of the right length', () => ({ ...good(), 'x-tierwise-token': token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })],
    ['its own Origin and a token cut short', () => ({ ...good(), 'x-tierwise-token': token.slice(0, 10) })],
    ['the right token from another Origin', () => ({ ...good(), origin: 'http://127.0.0.1:9999' })],
    ['the right token and Origin but another Host', () => ({ ...good(), host: `attacker.test:${port()}` })],
    ['an https Origin for the same address', () => ({ ...good(), origin: `https://${own}` })],
  ];
  for (const [what, headers] of refusals) {
    it(`get 403 for undo with ${what}, and the book keeps its bytes`, async () => {
      const before = bookSum();
      const answer = await call('undo', headers());
      expect(answer.status).toBe(403);
      expect(bookSum()).toBe(before);
    });
  }

  it('cannot save settings that make another account the manager', async () => {
    const answer = await call('saveSettings', { host: own, origin: 'http://127.0.0.1:9999' }, [{ settings: { managers: ['attacker@example.com'] } }]);
    expect(answer.status).toBe(403);
    const state = JSON.parse((await call('getState', good())).body) as { value: { settings: { managers: string[] } } };
    expect(state.value.settings.managers).toEqual(['manager@example.com']);
  });

  it('cannot even read the book (getState) without the token', async () => {
    expect((await call('getState', { host: own, origin: `http://${own}` })).status).toBe(403);
  });

  it('cannot post a form (text/plain, no preflight) that changes the book', async () => {
    const before = bookSum();
    const answer = await send('/call/undo', { method: 'POST', headers: { host: own, origin: 'http://127.0.0.1:9999', 'content-type': 'text/plain' }, body: '[{}]' });
    expect(answer.status).toBe(403);
    expect(bookSum()).toBe(before);
  });

  it('answer the preview page itself as before', async () => {
    const answer = await call('getState', good());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).ok).toBe(true);
  });
});

describe('in a browser', () => {
  let attacker: Server;
  let attackerUrl: string;

  beforeAll(async () => {
    const target = fixture.preview.url;
    const page = `<!doctype html><script>
      window.attempts = Promise.all([
        fetch('${target}call/undo', { method: 'POST', mode: 'no-cors', body: '[{}]' }).then(() => 'sent', (e) => String(e)),
        fetch('${target}call/saveSettings', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify([{ settings: { managers: ['attacker@example.com'] } }]) }).then(() => 'sent', (e) => String(e)),
        fetch('${target}call/undo', { method: 'POST', headers: { 'content-type': 'application/json', 'x-tierwise-token': 'guess' }, body: '[{}]' }).then(() => 'sent', (e) => String(e)),
      ]);
    </script>`;
    attacker = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => attacker.close(resolve));
  });

  it('a page on another local port cannot change the book, while the preview page still works', async () => {
    const before = bookSum();
    const browser = await openSidebar(attackerUrl);
    try {
      await browser.page.evaluate(() => (window as unknown as { attempts: Promise<unknown> }).attempts);
      expect(bookSum()).toBe(before);
      await browser.page.goto(fixture.preview.url);
      const state = await browser.page.evaluate(
        () => new Promise<{ managers: string[] }>((resolve, reject) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (arg: unknown) => void> & { withSuccessHandler: (f: (v: unknown) => void) => { withFailureHandler: (f: (e: Error) => void) => Record<string, (arg: unknown) => void> } } } } }).google.script.run;
          run.withSuccessHandler((v) => resolve((v as { settings: { managers: string[] } }).settings)).withFailureHandler(reject).getState({});
        }),
      );
      expect(state.managers).toEqual(['manager@example.com']);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

// The monitor reads what the deployed server saw: mlops serve hands out its request log over HTTP
// (GET /admin/requests, with its own read-only token), in pages joined by an opaque cursor that
// survives rotation; drift-report pulls it (log-url) and finds the drift in live traffic. A transfer
// cut off mid-page is asked for again from its cursor: no line is lost or counted twice.
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { httpLogPuller } from '../src/adapters/http-log-puller.ts';
import { RequestLog } from '../src/serve/request-log.ts';
import { loadSlot, PredictionServer, SERVE_DEFAULTS } from '../src/serve/server.ts';
import { cli, cliWith } from './support/cli.ts';
import { exampleWorkspace, tempDir } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
const LOG_TOKEN = 'log-token-0123456789abcdef0123456789';
const ADMIN = 'admin-token-0123456789abcdef012345678';
let ws: string;
let server: PredictionServer;
let records: Record<string, number>[];

beforeAll(async () => {
  ws = await exampleWorkspace();
  expect((await cli(ws, 'run', '--pipeline', P, '--params', '{"trees": 8}')).code).toBe(0);
  const champion = await readFile(path.join(ws, 'models/spam-detector/v1/spam-detector-model.json.gz'));
  // A small rotation size: the log rotates several times while the test sends traffic.
  const log = new RequestLog({ file: path.join(ws, 'logs/requests.jsonl'), sample: 1, maxBytes: 200_000, keep: 20 });
  await log.open();
  server = await new PredictionServer(await loadSlot(champion, 'v1', 'v1'), { ...SERVE_DEFAULTS, port: 0, adminToken: ADMIN, logToken: LOG_TOKEN, log }).start();
  // Traffic that no longer looks like the training data: every frequency four times higher, five rows a request (a log line each).
  const [header, ...lines] = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trim().split('\n');
  const names = header!.split(',').map((n) => n.replace(/"/g, ''));
  records = lines.filter((_, i) => i % 3 === 0).map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, Number(v) * 4] as const).filter(([name]) => name !== 'type')));
  for (let i = 0; i < records.length; i += 5) {
    const res = await fetch(`${server.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: records.slice(i, i + 5) }) });
    expect(res.status).toBe(200);
  }
  await new Promise((r) => setTimeout(r, 300)); // the log writer drains its queue
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const get = (query: string, token = LOG_TOKEN) => fetch(`${server.url}/admin/requests${query}`, { headers: { authorization: `Bearer ${token}` } });

test('its own token: a wrong one is 401, the admin token is not it, and without a log token there is no route', async () => {
  expect((await get('', 'wrong')).status).toBe(401);
  expect((await get('', ADMIN)).status).toBe(401);
  expect((await fetch(`${server.url}/admin/requests`)).status).toBe(401);
  expect((await get('?since=yesterday')).status).toBe(400);
  expect((await get('?cursor=bm9wZQ')).status).toBe(400);
  const bare = await new PredictionServer(await loadSlot(await readFile(path.join(ws, 'models/spam-detector/v1/spam-detector-model.json.gz')), 'v1', 'v1'), { ...SERVE_DEFAULTS, port: 0 }).start();
  try {
    expect((await fetch(`${bare.url}/admin/requests`, { headers: { authorization: `Bearer ${LOG_TOKEN}` } })).status).toBe(404);
  } finally {
    await bare.stop();
  }
});

test('pages joined by cursors give every logged line once, in order, across rotated files', async () => {
  const files = (await readdir(path.join(ws, 'logs'))).filter((f) => f.startsWith('requests.jsonl'));
  expect(files.length).toBeGreaterThan(2); // rotated
  const ordered = files.sort((a, b) => (Number(b.split('.').pop()) || 0) - (Number(a.split('.').pop()) || 0));
  const onDisk = (await Promise.all(ordered.map((f) => readFile(path.join(ws, 'logs', f), 'utf8')))).join('');
  let body = '';
  let pages = 0;
  let res = await get('?limit=7');
  for (;;) {
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\n').length - 1).toBe(Number(res.headers.get('x-mlops-lines')));
    body += text;
    pages++;
    const next = res.headers.get('x-mlops-next-cursor');
    if (!next) break;
    res = await get(`?cursor=${encodeURIComponent(next)}&limit=7`);
  }
  expect(pages).toBeGreaterThan(10);
  expect(body).toBe(onDisk);
  // A window: nothing before it.
  const future = await get(`?since=${new Date(Date.now() + 3_600_000).toISOString()}`);
  expect(await future.text()).toBe('');
});

test('a cursor survives rotation: the lines after it are the same after the log rotated', async () => {
  const first = await get('?limit=5');
  const cursor = first.headers.get('x-mlops-next-cursor')!;
  const before = await (await get(`?cursor=${encodeURIComponent(cursor)}&limit=20`)).text();
  // More traffic: the files rotate (each moves to the next number) under the cursor.
  const names = async () => (await readdir(path.join(ws, 'logs'))).sort().join(',');
  const was = await names();
  for (let i = 0; i < 400; i += 5) await fetch(`${server.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: records.slice(i, i + 5) }) });
  await new Promise((r) => setTimeout(r, 300));
  expect(await names()).not.toBe(was);
  const after = await (await get(`?cursor=${encodeURIComponent(cursor)}&limit=20`)).text();
  expect(after).toBe(before);
});

test('a pull cut off mid-page is resumed from its cursor, without a line lost or counted twice', async () => {
  let calls = 0;
  // The third page's answer is cut in the middle of its body, once.
  const flaky: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (++calls !== 3) return res;
    const text = await res.text();
    const half = new TextEncoder().encode(text.slice(0, text.length >> 1));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(half);
        c.error(new Error('connection reset'));
      },
    });
    return new Response(body, { status: 200, headers: res.headers });
  };
  const dir = await tempDir();
  const file = path.join(dir, 'pulled.jsonl');
  // limit through the window of the whole log: pages of the server's default size would be one page.
  const puller = httpLogPuller(async (input, init) => flaky(String(input).includes('?') ? `${String(input)}&limit=50` : `${String(input)}?limit=50`, init), 1);
  const got = await puller.pull(server.url, LOG_TOKEN, { since: undefined, until: undefined }, file, 1e9);
  expect(got.retries).toBe(1);
  const pulled = await readFile(file, 'utf8');
  const direct = await (await get('?limit=10000')).text();
  expect(pulled).toBe(direct);
  expect(got.lines).toBe(direct.split('\n').length - 1);
  await expect(httpLogPuller(fetch, 1).pull(server.url, 'wrong', { since: undefined, until: undefined }, file, 1e9)).rejects.toThrow(/refused the log token \(401\)/);
});

test('drift-report pulls the live log (log-url) and finds the drift', async () => {
  const pulledFiles = async () => (await readdir(tmpdir())).filter((f) => /^mlops-log-[0-9a-f]{12}\.jsonl$/.test(f));
  const before = await pulledFiles();
  const run = await cliWith({ MLOPS_CACHE: 'off', MLOPS_LOG_TOKEN: LOG_TOKEN }, ws, 'drift-report', '--pipeline', P, '--log-url', server.url, '--since', '1h', '--json');
  // The pulled copy of the log is not left in the temporary folder.
  expect(await pulledFiles()).toEqual(before);
  expect(run.err).toMatch(/pulled [\d,]+ request lines from http:\/\/127\.0\.0\.1:\d+ in 1 page/);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.out)).toMatchObject({ verdict: 'drift', drift: true });
  const report = JSON.parse(await readFile(path.join(ws, 'out/spam-detector/drift-report.json'), 'utf8'));
  expect(report.current).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/requests: [\d,]+ rows from/);
  const wrong = await cliWith({ MLOPS_CACHE: 'off', MLOPS_LOG_TOKEN: 'not-the-token' }, ws, 'drift-report', '--pipeline', P, '--log-url', server.url);
  expect(wrong.code).toBe(2);
  expect(wrong.err).toMatch(/refused the log token \(401\)/);
}, 120_000);

// mlops serve facing hostile and unlucky input, as its own process: each case here once took the
// process down, froze it, answered 500 or exhausted its heap. Every test asserts outcomes (the process
// still runs, the status, the message, the right prediction after), never a time.
import { appendFile, mkdir, readFile, rm, unlink } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { rawRequest, spamFixture, startServeProcess, statusOf, type ServeProcess } from './support/serve-process.ts';

let ws: string;
let records: Record<string, number>[];
let expected: string[];
let names: string[];

beforeAll(async () => {
  ({ ws, names, records } = await spamFixture(3));
  const s = await startServeProcess(ws, ['--model', 'out/spam.json']);
  expected = ((await (await post(s, '/invocations', { dataframe_records: records })).json()) as { predictions: string[] }).predictions;
  await s.stop();
});

const post = (s: ServeProcess, p: string, body: unknown, type = 'application/json') => fetch(`${s.url}${p}`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });

/** The server still runs and still predicts right. */
async function stillServes(s: ServeProcess): Promise<void> {
  expect(s.exited()).toBe('running');
  const r = await post(s, '/invocations', { dataframe_records: records });
  expect(r.status).toBe(200);
  expect(((await r.json()) as { predictions: string[] }).predictions).toEqual(expected);
}

async function metric(s: ServeProcess, name: string): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const m = new RegExp(`^${name}(?:\\{\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

describe('request targets and paths', () => {
  let s: ServeProcess;
  beforeAll(async () => (s = await startServeProcess(ws, ['--model', 'out/spam.json'])));
  afterAll(() => s.stop());

  test.each([
    ['GET // HTTP/1.1', 404],
    ['GET http://[ HTTP/1.1', 400],
    ['GET http://host/ping HTTP/1.1', 200],
    ['GET ftp://host/ping HTTP/1.1', 400],
    ['GET /v2/models/%E0%A4%A HTTP/1.1', 400],
    ['GET /v2/models/%E0%A4%A/infer HTTP/1.1', 400],
    ['GET ///v2//models HTTP/1.1', 404],
    ['GET /ping?x=%zz HTTP/1.1', 200],
  ])('%s answers %d and the process goes on', async (line, status) => {
    const raw = await rawRequest(s.port, `${line}\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(statusOf(raw)).toBe(status);
    await stillServes(s);
  });
});

describe('bodies whose shape multiplies', () => {
  let s: ServeProcess;
  beforeAll(async () => (s = await startServeProcess(ws, ['--model', 'out/spam.json'])));
  afterAll(() => s.stop());

  test('60,000 column names and 9,000 empty rows: a 413 naming the column limit, and nothing expanded', async () => {
    const columns = Array.from({ length: 60_000 }, (_, i) => `c${i}`);
    const body = JSON.stringify({ dataframe_split: { columns, data: Array.from({ length: 9_000 }, () => []) } });
    const r = await post(s, '/invocations', body);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toBe('60000 columns; the limit is 10000 per request (--max-columns)');
    await stillServes(s);
  });

  test('records with thousands of distinct extra keys are counted, not stored, up to the column limit', async () => {
    const many = Array.from({ length: 2_000 }, (_, r) => ({ ...records[r % 3], [`extra${r}`]: r }));
    const r = await post(s, '/invocations', { dataframe_records: many });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { predictions: string[]; ignored_columns: string[] };
    expect(body.predictions).toHaveLength(2_000);
    expect(body.ignored_columns).toHaveLength(20);
    const over = Array.from({ length: 5_000 }, (_, r) => ({ [`a${r}`]: 1, [`b${r}`]: 1, [`c${r}`]: 1 }));
    const refused = await post(s, '/invocations', { dataframe_records: over });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: string }).error).toContain('the limit is 10000 per request (--max-columns)');
    await stillServes(s);
  });

  test('a v2 tensor whose shape claims more cells than max-rows × features allows is refused before it is read', async () => {
    const r = await post(s, `/v2/models/spam-detector/infer`, { inputs: [{ name: 'x', shape: [10_000, 100_000], datatype: 'FP64', data: [] }] });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toMatch(/more than the \d+ a request may carry \(max-rows × model features\)/);
    const rows = await post(s, `/v2/models/spam-detector/infer`, { inputs: [{ name: 'x', shape: [20_000, 57], datatype: 'FP64', data: [] }] });
    expect(rows.status).toBe(413);
    await stillServes(s);
  });

  test('100,000 levels of nesting answer 400 on both protocols, closed or not', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const body of [
      `{"inputs":[{"name":"x","shape":[1,57],"datatype":"FP64","data":${deep}}]}`,
      `{"inputs":${'['.repeat(100_000)}`,
      `{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":${deep}}]}`,
    ]) {
      const r = await post(s, '/v2/models/spam-detector/infer', body);
      expect(r.status).toBe(400);
    }
    expect((await post(s, '/invocations', `{"instances":${deep}}`)).status).toBe(400);
    await stillServes(s);
  });

  test('1e400 in a numeric column is "not a finite number", naming the column and the row', async () => {
    const first = names[0]!;
    const body = JSON.stringify({ dataframe_records: [records[0], { ...records[1], [first]: 'INF' }] }).replace('"INF"', '1e400');
    const r = await post(s, '/invocations', body);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toBe(`row 1: the column "${first}" needs a finite number; "Infinity" is not a finite number`);
    const csv = await post(s, '/invocations', `${names.join(',')}\n${names.map((_, i) => (i === 0 ? '1e400' : '0')).join(',')}\n`, 'text/csv');
    expect(csv.status).toBe(400);
    expect(((await csv.json()) as { error: string }).error).toBe(`row 0: the column "${first}" needs a finite number; "1e400" is not a finite number`);
    await stillServes(s);
  });
});

describe('a maximal body runs beside the others', () => {
  let s: ServeProcess;
  beforeAll(async () => (s = await startServeProcess(ws, ['--model', 'out/spam.json'])));
  afterAll(() => s.stop());

  test('while a 10 MB request is parsed and predicted, /ping and small requests are answered first', async () => {
    // 10,000 records (the row limit) padded with extra columns to nearly 10 MB.
    const n = 6_000;
    const plain = JSON.stringify({ dataframe_records: Array.from({ length: n }, (_, r) => ({ ...records[r % 3], note: '' })) }).length;
    const pad = 'x'.repeat(Math.floor((9.9 * 1024 * 1024 - plain) / n));
    const big = JSON.stringify({ dataframe_records: Array.from({ length: n }, (_, r) => ({ ...records[r % 3], note: pad })) });
    expect(big.length).toBeGreaterThan(9_000_000);
    expect(big.length).toBeLessThan(10 * 1024 * 1024);
    const order: string[] = [];
    const large = post(s, '/invocations', big).then(async (r) => {
      order.push('large');
      return r;
    });
    // The large body is on its way; these are sent after it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const small = (async () => {
      for (let i = 0; i < 5; i++) expect((await fetch(`${s.url}/ping`)).status).toBe(200);
      await stillServes(s);
      order.push('small');
    })();
    await Promise.all([large, small]);
    const r = await large;
    expect(r.status).toBe(200);
    expect(((await r.json()) as { predictions: string[] }).predictions).toHaveLength(n);
    expect(order).toEqual(['small', 'large']);
  });

  test('large bodies one after another, each gathered in a buffer an earlier one used, are each answered from their own rows', async () => {
    // Longer first, then shorter in the same buffer: a byte left over from the one before would be read
    // as this body's, and a chunk freed too early would cut it short.
    for (const [note, shift] of [[800, 0], [450, 1], [150, 2]] as const) {
      const rows = Array.from({ length: 2_500 }, (_, r) => ({ ...records[(r + shift) % 3], note: 'y'.repeat(note) }));
      const body = JSON.stringify({ dataframe_records: rows });
      // All three in one size class of the pool (2 to 4 MiB).
      expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
      expect(body.length).toBeLessThanOrEqual(4 * 1024 * 1024);
      const r = await post(s, '/invocations', body);
      expect(r.status).toBe(200);
      expect(((await r.json()) as { predictions: string[] }).predictions).toEqual(rows.map((_, i) => expected[(i + shift) % 3]));
    }
  });

  test('a body of 3.3 million tiny records is refused on its bytes, before it is parsed, and the process goes on', async () => {
    const body = `{"dataframe_records":[${Array.from({ length: 3_300_000 }, () => '{}').join(',')}]}`;
    expect(body.length).toBeLessThan(10 * 1024 * 1024);
    const r = await post(s, '/invocations', body);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toBe('the body holds more than 30016 JSON objects and arrays; a request of at most 10000 rows and 10000 columns needs no more');
    await stillServes(s);
  });
});

test('serve starts itself again, in place, with a fixed mmap threshold, so large bodies\' memory goes back; a threshold the user set is kept', async () => {
  const environ = async (pid: number) => (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
  const tuned = await startServeProcess(ws, ['--model', 'out/spam.json']);
  try {
    expect(await environ(tuned.child.pid!)).toContain('MALLOC_MMAP_THRESHOLD_=131072');
    await stillServes(tuned);
  } finally {
    await tuned.stop();
  }
  const own = await startServeProcess(ws, ['--model', 'out/spam.json'], { MALLOC_MMAP_THRESHOLD_: '1048576' });
  try {
    expect(await environ(own.child.pid!)).toContain('MALLOC_MMAP_THRESHOLD_=1048576');
  } finally {
    await own.stop();
  }
});

describe('the request log is best effort', () => {
  test('on a full disk (/dev/full) predictions are served and failures counted', async () => {
    const s = await startServeProcess(ws, ['--model', 'out/spam.json', '--log', '/dev/full']);
    try {
      for (let i = 0; i < 5; i++) await stillServes(s);
      // The writes fail after the answers: wait for the count rather than for a time.
      for (let i = 0; i < 100 && !((await metric(s, 'mlops_request_log_errors_total')) > 0); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await metric(s, 'mlops_request_log_errors_total')).toBeGreaterThan(0);
      expect(s.err()).toContain('warning: the request log /dev/full cannot be written (ENOSPC); predictions are still served');
      await stillServes(s);
    } finally {
      expect(await s.stop()).toBe(0);
    }
    // Warned once (at most once a minute), however many writes failed.
    expect(s.err().match(/cannot be written/g)).toHaveLength(1);
  });

  test('deleted under the server, then replaced by a folder: served throughout, and logging resumes when the path works again', async () => {
    const dir = path.join(ws, 'logs-hostile');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'requests.jsonl');
    const s = await startServeProcess(ws, ['--model', 'out/spam.json', '--log', file]);
    const lines = async () => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await check()).toBe(true);
    };
    try {
      await stillServes(s);
      await until(async () => (await lines()) === 1);
      await unlink(file);
      // Within a second the server sees the path no longer names its file, and opens it anew.
      await until(async () => {
        await stillServes(s);
        return (await lines()) > 0;
      });
      await rm(file);
      await mkdir(file);
      await until(async () => {
        await stillServes(s);
        return (await metric(s, 'mlops_request_log_errors_total')) > 0;
      });
      await rm(file, { recursive: true });
      await until(async () => {
        await stillServes(s);
        return (await lines()) > 0;
      });
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  test('rotation under concurrent load neither loses nor repeats a line', async () => {
    const file = path.join(ws, 'logs-rotate', 'requests.jsonl');
    const s = await startServeProcess(ws, ['--model', 'out/spam.json', '--log', file, '--log-max-bytes', '4096']);
    try {
      const sent = 300;
      await Promise.all(Array.from({ length: 10 }, async (_, w) => {
        for (let i = w; i < sent; i += 10) {
          const rec = { ...records[0], [names[0]!]: i };
          expect((await post(s, '/invocations', { dataframe_records: [rec] })).status).toBe(200);
        }
      }));
    } finally {
      expect(await s.stop()).toBe(0);
    }
    const seen: number[] = [];
    for (const f of [file, `${file}.1`, `${file}.2`, `${file}.3`]) {
      for (const l of (await readFile(f, 'utf8').catch(() => '')).split('\n').filter(Boolean)) seen.push((JSON.parse(l) as { inputs: Record<string, number[]> }).inputs[names[0]!]![0]!);
    }
    // keep 3: the newest lines are all there, each once; the oldest were rotated out whole.
    expect(new Set(seen).size).toBe(seen.length);
    const max = Math.max(...seen);
    expect(max).toBe(299);
    const newest = [...seen].sort((a, b) => a - b);
    expect(newest[newest.length - 1]! - newest[0]! + 1).toBeGreaterThanOrEqual(seen.length);
  });

  test('a log path that cannot be opened at start is refused, exit 2, naming it', async () => {
    await appendFile(path.join(ws, 'a-file'), 'x');
    await expect(startServeProcess(ws, ['--model', 'out/spam.json', '--log', 'a-file/requests.jsonl'])).rejects.toThrow(/mlops serve exited 2: mlops: input "log": a-file\/requests.jsonl cannot be opened for appending \(EEXIST\)/);
  });
});

describe('slow and idle clients', () => {
  test('a client sending its headers a byte at a time is cut off at the header timeout, while others are served', async () => {
    const s = await startServeProcess(ws, ['--model', 'out/spam.json', '--headers-timeout-ms', '1000']);
    try {
      const socket = connect(s.port, '127.0.0.1');
      let closed = false;
      socket.on('error', () => {});
      socket.on('close', () => (closed = true));
      const text = 'GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(100);
      let i = 0;
      while (!closed && i < text.length) {
        socket.write(text[i++]!);
        await stillServes(s);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(closed).toBe(true);
      expect(i).toBeLessThan(text.length);
    } finally {
      await s.stop();
    }
  });

  test('at --max-connections, idle connections are closed to make room: a new client is served', async () => {
    const s = await startServeProcess(ws, ['--model', 'out/spam.json', '--max-connections', '50']);
    const idle: Socket[] = [];
    try {
      for (let i = 0; i < 1_000; i++) {
        const c = connect(s.port, '127.0.0.1');
        c.on('error', () => {});
        idle.push(c);
      }
      await Promise.all(idle.map((c) => new Promise((r) => (c.connecting ? c.once('connect', r).once('close', r) : r(undefined)))));
      await stillServes(s);
      expect(await metric(s, 'mlops_connections_evicted_total')).toBeGreaterThanOrEqual(900);
      expect(await metric(s, 'mlops_open_connections')).toBeLessThanOrEqual(50);
    } finally {
      for (const c of idle) c.destroy();
      await s.stop();
    }
  });

  test('an admin token shorter than 32 characters is refused at start', async () => {
    await expect(startServeProcess(ws, ['--model', 'out/spam.json'], { MLOPS_ADMIN_TOKEN: 'short' })).rejects.toThrow(/exited 2: .*MLOPS_ADMIN_TOKEN holds a token of 5 characters; .* at least 32/s);
  });
});

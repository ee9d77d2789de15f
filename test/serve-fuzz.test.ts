// A fuzz test of mlops serve, as its own process: thousands of generated malformed requests (random
// bytes, truncated JSON, wrong types at every level, huge numbers, unicode in names, every protocol's
// shape with its fields swapped), each followed by a valid request. Asserted: the process never exits,
// nothing is answered 5xx, a valid request right after each still gets the right prediction, and the
// memory stays bounded. The generator is seeded, so a failure names a case that can be replayed.
import { mulberry32 } from '../src/engine/forest/rng.ts';
import { rawRequest, spamFixture, startServeProcess, statusOf, type ServeProcess } from './support/serve-process.ts';

const CASES = 3_000;

type Fuzz = { method: string; path: string; type: string; body: string | Buffer } | { raw: Buffer | string };

function generator(names: string[], row: Record<string, number>, seed: number) {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number) => Math.floor(r() * n);
  const weird: unknown[] = [null, true, false, 0, -0, 1e308, -1e308, 5e-324, 'NaN', 'Infinity', '', ' ', '1e400', '-1e400', '0x10', '١٢', 'ünïcødé', '\u0000', '\ud800', '💥'.repeat(50), {}, [], [[]], { a: { b: { c: [] } } }, 'x'.repeat(5000), -1, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER];
  const value = (): unknown => (r() < 0.5 ? pick(weird) : r() < 0.5 ? r() * 10 : String(r()));
  const nameOf = (): string => (r() < 0.6 ? pick(names) : pick(['', '__proto__', 'constructor', 'toString', 'ünï', '💥', 'a"b', 'x'.repeat(300), 'hasOwnProperty', '0']));
  const record = (): Record<string, unknown> => {
    const rec: Record<string, unknown> = r() < 0.5 ? { ...row } : {};
    for (let i = 0, n = int(6); i < n; i++) rec[nameOf()] = value();
    return rec;
  };
  const rows = (): unknown[] => Array.from({ length: int(4) }, () => (r() < 0.8 ? names.map((n) => (r() < 0.9 ? row[n] : value())) : value()));
  const shapes: (() => unknown)[] = [
    () => ({ dataframe_split: { columns: r() < 0.5 ? names : names.slice(int(names.length)), data: rows() } }),
    () => ({ dataframe_split: { columns: value(), data: value() } }),
    () => ({ dataframe_split: { data: rows(), columns: rows() } }),
    () => ({ dataframe_records: Array.from({ length: int(4) }, () => (r() < 0.8 ? record() : value())) }),
    () => ({ dataframe_records: record() }),
    () => ({ instances: r() < 0.5 ? rows() : [record()] }),
    () => ({ inputs: r() < 0.5 ? Object.fromEntries(names.map((n) => [n, r() < 0.9 ? [row[n]] : value()])) : value() }),
    () => ({ instances: rows(), inputs: rows() }),
    () => ({ dataframe_split: { columns: names, data: [names.map(() => row[names[0]!])] }, extra: value() }),
    () => value(),
  ];
  const v2: (() => unknown)[] = [
    () => ({ inputs: [{ name: pick(['x', 'input-0', nameOf()]), shape: [1, names.length], datatype: 'FP64', data: names.map((n) => (r() < 0.9 ? row[n] : value())) }] }),
    () => ({ inputs: [{ name: 'x', shape: [int(3), int(60)], datatype: pick(['FP64', 'BYTES', 'BOOL', 7]), data: r() < 0.5 ? [names.map((n) => row[n])] : value() }] }),
    () => ({ inputs: names.map((n) => ({ name: r() < 0.95 ? n : nameOf(), shape: r() < 0.9 ? [1] : [value(), value()], datatype: 'FP64', data: r() < 0.9 ? [row[n]] : value() })) }),
    () => ({ inputs: [{ shape: value(), data: value(), name: value(), datatype: value() }] }),
    () => ({ inputs: value(), outputs: pick([[{ name: 'predict_proba' }], [{ name: value() }], value(), [value()]]), id: value() }),
    () => ({ inputs: [{ name: 'x', shape: [1, names.length], datatype: 'FP64', data: [[[[names.map((n) => row[n])]]]] }] }),
  ];
  const truncate = (text: string) => text.slice(0, int(text.length));
  return (): Fuzz => {
    const kind = int(10);
    if (kind === 0) return { raw: Buffer.from(Array.from({ length: 1 + int(300) }, () => int(256))) };
    if (kind === 1) {
      const target = pick(['//', 'http://[', '/v2/models/%E0%A4%A', '/%', '/../../etc/passwd', `/${'a'.repeat(2000)}`, '/invocations?x=%', '*', 'http://x:99999/', '/v2/models/💥/infer']);
      return { raw: `${pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'BREW'])} ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: ${int(3)}\r\nConnection: close\r\n\r\n${'ab'.slice(0, int(3))}` };
    }
    if (kind === 2) {
      const headers = pick(['Content-Length: -1', 'Content-Length: 99999999999', 'Transfer-Encoding: chunked\r\nContent-Length: 5', 'Transfer-Encoding: chunked', 'Content-Type: application/json; charset=ünï', 'Content-Length: 3\r\nContent-Length: 4']);
      return { raw: `POST /invocations HTTP/1.1\r\nHost: x\r\n${headers}\r\nConnection: close\r\n\r\n${pick(['zz\r\n', '3\r\n{}}\r\n0\r\n\r\n', '{"dataframe_records": [', ''])}` };
    }
    const isV2 = kind >= 7;
    const text = JSON.stringify(isV2 ? pick(v2)() : pick(shapes)()) ?? 'null';
    const body = kind === 3 ? truncate(text) : kind === 4 ? text.replace(/\d+(\.\d+)?/, pick(['1e400', '-1e999', '123456789012345678901234567890', '1.7976931348623157e309'])) : text;
    const type = kind === 5 ? pick(['text/csv', 'text/plain', '', 'application/json; charset=utf-8', 'multipart/form-data']) : 'application/json';
    const csvBody = type === 'text/csv' ? pick([`${names.join(',')}\n${truncate(names.map((n) => row[n]).join(','))}`, '"unclosed', `a,b\n${'1,'.repeat(100)}`, '']) : body;
    return { method: pick(['POST', 'POST', 'POST', 'GET', 'PUT']), path: isV2 ? pick(['/v2/models/spam-detector/infer', '/v2/models/other/infer', '/v2/models/spam-detector']) : pick(['/invocations', '/invocations', '/admin/model', '/ping']), type, body: csvBody };
  };
}

let ws: string;
let s: ServeProcess;
let records: Record<string, number>[];
let expected: string[];
let names: string[];

beforeAll(async () => {
  ({ ws, names, records } = await spamFixture(2));
  s = await startServeProcess(ws, ['--model', 'out/spam.json', '--max-body-bytes', '1000000']);
  expected = ((await (await fetch(`${s.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: records }) })).json()) as { predictions: string[] }).predictions;
});
afterAll(() => s.stop());

const rss = async () => Number(/^mlops_process_resident_memory_bytes(?:\{\})? (\d+)/m.exec(await (await fetch(`${s.url}/metrics`)).text())![1]);

test(`${CASES} generated malformed requests: no exit, no 5xx, the right prediction after each, bounded memory`, async () => {
  const next = generator(names, records[0]!, 20261205);
  const valid = JSON.stringify({ dataframe_records: records });
  const before = await rss();
  let peak = before;
  const statuses = new Map<number, number>();
  for (let i = 0; i < CASES; i++) {
    const c = next();
    let status: number;
    if ('raw' in c) {
      const raw = await rawRequest(s.port, c.raw, 500);
      // The HTTP parser may close a connection whose bytes are not HTTP without an answer.
      status = statusOf(raw);
    } else {
      const res = await fetch(`${s.url}${c.path}`, { method: c.method, headers: c.type ? { 'content-type': c.type } : {}, body: c.method === 'GET' ? undefined : c.body });
      status = res.status;
      const text = await res.text();
      if (status >= 400) expect(() => JSON.parse(text) as unknown).not.toThrow();
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500) throw new Error(`case ${i}: answered ${status} to ${JSON.stringify(c).slice(0, 500)}`);
    const ok = await fetch(`${s.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: valid });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { predictions: string[] }).predictions).toEqual(expected);
    expect(s.exited()).toBe('running');
    if (i % 500 === 0) peak = Math.max(peak, await rss());
  }
  const after = await rss();
  // Thousands of refused requests leave no more than garbage behind.
  expect(Math.max(peak, after) - before).toBeLessThan(200 * 1024 * 1024);
  // The cases reached the parser's every verdict, not one refusal at the door.
  expect([...statuses.keys()].filter((k) => k >= 400).length).toBeGreaterThanOrEqual(5);
  expect(statuses.get(200) ?? 0).toBeGreaterThan(10);
}, 300_000);

// The scan that refuses a body by its bytes before JSON.parse expands it: objects and arrays counted
// outside strings, nesting bounded; what a request within the limits holds always passes.
import { MAX_JSON_DEPTH, maxContainers, parseMlflow, parseV2, scanContainers } from '../src/engine/serving/protocols.ts';
import { RequestError } from '../src/engine/serving/request-table.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const limits = { maxRows: 10_000, maxColumns: 10_000 };
const target = { inputs: ['a', 'b'], ...limits };

test('brackets inside strings, escaped quotes included, are not counted', () => {
  expect(scanContainers(bytes('{"a": "[[{{", "b\\"[": ["]"]}'), 100)).toEqual({ count: 2, tooDeep: false });
  expect(scanContainers(bytes('[[], {}, [[]]]'), 100)).toEqual({ count: 5, tooDeep: false });
});

test('the scan stops past the limit, and at the depth bound', () => {
  expect(scanContainers(bytes(`[${'{},'.repeat(50)}{}]`), 10).count).toBe(11);
  expect(scanContainers(bytes(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`), 1000).tooDeep).toBe(false);
  expect(scanContainers(bytes(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`), 1000).tooDeep).toBe(true);
});

test('every request shape at the row limit passes the scan', () => {
  const rows = limits.maxRows;
  const records = JSON.stringify({ dataframe_records: Array.from({ length: rows }, (_, i) => ({ a: i, b: 'x' })) });
  expect(parseMlflow(bytes(records), 'application/json', target).rows).toBe(rows);
  const split = JSON.stringify({ dataframe_split: { columns: ['a', 'b'], data: Array.from({ length: rows }, (_, i) => [i, 'x']) } });
  expect(parseMlflow(bytes(split), 'application/json', target).rows).toBe(rows);
  const instances = JSON.stringify({ instances: Array.from({ length: rows }, (_, i) => [i, 'x']) });
  expect(parseMlflow(bytes(instances), 'application/json', target).rows).toBe(rows);
  const v2 = JSON.stringify({ inputs: [{ name: 'a', shape: [rows], datatype: 'FP64', data: Array.from({ length: rows }, (_, i) => i) }, { name: 'b', shape: [rows], datatype: 'BYTES', data: Array.from({ length: rows }, () => 'x') }] });
  expect(parseV2(bytes(v2), target).rows).toBe(rows);
  expect(maxContainers(limits)).toBeGreaterThan(rows + 2);
});

test('a body of more objects than any request needs is a 413 naming the bound; deeper than the bound, a 400', () => {
  const many = `{"dataframe_records":[${'{},'.repeat(maxContainers(limits))}{}]}`;
  expect(() => parseMlflow(bytes(many), 'application/json', target)).toThrow(new RequestError(413, 'the body holds more than 30016 JSON objects and arrays; a request of at most 10000 rows and 10000 columns needs no more'));
  const deep = `{"inputs":${'['.repeat(1000)}${']'.repeat(1000)}}`;
  expect(() => parseV2(bytes(deep), target)).toThrow(/400|nests JSON deeper than 64 levels/);
  try {
    parseV2(bytes(deep), target);
  } catch (err) {
    expect((err as RequestError).status).toBe(400);
  }
});

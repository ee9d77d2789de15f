#!/usr/bin/env node
// Writes the Parquet fixtures of test/fixtures/parquet with DuckDB (@duckdb/node-api, a development
// dependency): an independent, real writer, so the reader is tested on files it did not make. The
// files are committed; CI does not run this. Run it again after changing it: node scripts/parquet-fixtures.mjs
//   spambase.zstd.parquet    data/spambase.csv, zstd, row groups of 1,000 (five groups)
//   scam-calls.snappy.parquet data/scam-calls/2026-08.csv, snappy, dictionary-encoded strings, nulls
//   taxi-demand.gzip.parquet  data/taxi-demand.csv, gzip, a TIMESTAMP column
//   types.parquet, types.csv  one column per type the suite reads, with nulls, and the same rows as CSV
//   unsupported.parquet       a LIST and a BLOB column, which the suite refuses
//   bomb.parquet              one page that inflates 10 MB from a few hundred bytes (over 200×)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (f) => path.join(root, 'test/fixtures/parquet', f);
const data = (f) => path.join(root, 'data', f);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const run = (sql) => con.run(sql);
// DuckDB's sniffer would read "yes"/"no" as BOOLEAN; the fixtures keep the CSV's own values.
const types = "auto_type_candidates=['BIGINT', 'DOUBLE', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR']";

await run(`COPY (SELECT * FROM read_csv('${data('spambase.csv')}', nullstr='NA')) TO '${out('spambase.zstd.parquet')}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000)`);
await run(`COPY (SELECT * FROM read_csv('${data('scam-calls/2026-08.csv')}', ${types})) TO '${out('scam-calls.snappy.parquet')}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 500)`);
await run(`COPY (SELECT * FROM read_csv('${data('taxi-demand.csv')}', ${types})) TO '${out('taxi-demand.gzip.parquet')}' (FORMAT parquet, COMPRESSION gzip, ROW_GROUP_SIZE 2000)`);
const typed = `SELECT i::INTEGER AS int32, (i * 1000000000000)::BIGINT AS int64, (i / 8)::DOUBLE AS double, (i / 4)::FLOAT AS float,
  (i % 3 = 0) AS flag, ['red', 'green', 'blue'][(i % 3 + 1)::INTEGER] AS colour, DATE '2026-08-01' + i::INTEGER AS day,
  TIMESTAMPTZ '2026-08-01 12:00:00+00' + INTERVAL (i) HOUR AS happened_at, (i * 1.25)::DECIMAL(9, 2) AS price,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS sometimes
  FROM range(1, 301) t(i)`;
await run(`COPY (${typed}) TO '${out('types.parquet')}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100)`);
await run(`SET TimeZone = 'UTC'`);
await run(`COPY (SELECT int32, int64, double, float, flag, colour, strftime(day, '%Y-%m-%d') AS day, strftime(happened_at, '%Y-%m-%dT%H:%M:%SZ') AS happened_at, price, sometimes FROM (${typed})) TO '${out('types.csv')}' (FORMAT csv, HEADER, NULLSTR '')`);
await run(`COPY (SELECT i AS id, [i, i + 1] AS pair, encode('x') AS raw FROM range(3) t(i)) TO '${out('unsupported.parquet')}' (FORMAT parquet)`);
await run(`COPY (SELECT repeat('a', 10000000) AS s) TO '${out('bomb.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
con.closeSync();
console.log('wrote test/fixtures/parquet');

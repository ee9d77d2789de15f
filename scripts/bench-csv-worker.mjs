// One CSV or Parquet read in a fresh process, so that its peak RSS is its own. Prints one JSON line.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { readParquet } from '../src/engine/data/parquet-reader.ts';

const [parser, file] = process.argv.slice(2);
const baseRss = process.memoryUsage().rss;
const t0 = performance.now();
let rows = 0;
if (parser === 'mlops') {
  const table = await readCsv([{ path: file, name: file }], { missing: ['', 'NA', 'NaN', 'null'] });
  rows = table.rowCount;
} else if (parser === 'mlops-parquet') {
  const table = await readParquet([{ path: file, name: file }], { missing: ['', 'NA', 'NaN', 'null'] });
  rows = table.rowCount;
} else if (parser === 'duckdb-parquet') {
  // DuckDB reading the same Parquet file into an in-memory table (its own columnar store).
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${file}')`);
  rows = Number((await con.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
} else if (parser === 'papaparse') {
  // The same result: one Float64Array per column (given the exact row count, which favours papaparse).
  let columns;
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(file), {
      header: false,
      dynamicTyping: true,
      skipEmptyLines: true,
      chunk: (results) => {
        let data = results.data;
        if (!columns) {
          columns = data[0].map(() => new Float64Array(1_000_000));
          data = data.slice(1);
        }
        for (const row of data) {
          for (let c = 0; c < columns.length; c++) columns[c][rows] = row[c];
          rows++;
        }
      },
      complete: resolve,
      error: reject,
    });
  });
} else {
  throw new Error(`unknown parser ${parser}`);
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ parser, rows, seconds, maxRss: process.resourceUsage().maxRSS * 1024, baseRss }));

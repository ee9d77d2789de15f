// A data set's files, CSV or Parquet (by extension), read into one table. Files of both kinds at once
// are refused: their columns would be typed by two different rules.
import { readCsv, readCsvSlices, type CsvSource, type ReadOptions, type SliceOptions } from './csv-reader.ts';
import { readParquet, readParquetSlices } from './parquet-reader.ts';
import { isParquetFile, type Table } from './table.ts';
import { DataFileError } from '../errors.ts';

function parquet(sources: readonly CsvSource[]): boolean {
  const kinds = new Set(sources.map((s) => isParquetFile(s.name)));
  if (kinds.size > 1) {
    const p = sources.find((s) => isParquetFile(s.name));
    const c = sources.find((s) => !isParquetFile(s.name));
    throw new DataFileError(p?.name ?? '', `is Parquet but ${c?.name ?? 'another file'} is CSV; read one kind of file at a time`);
  }
  return kinds.has(true);
}

export async function readData(sources: readonly CsvSource[], opts: ReadOptions): Promise<Table> {
  return parquet(sources) ? readParquet(sources, opts) : readCsv(sources, opts);
}

export async function readDataSlices(sources: readonly CsvSource[], opts: ReadOptions, slices: SliceOptions): Promise<Awaited<ReturnType<typeof readCsvSlices>>> {
  return parquet(sources) ? readParquetSlices(sources, opts, slices) : readCsvSlices(sources, opts, slices);
}

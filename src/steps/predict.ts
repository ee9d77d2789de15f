// The predict step: a CSV file scored with a model, slice by slice, the predictions written as they
// are made to a temporary file that replaces the output only when every row is written. A row serve
// would refuse gets its reason instead of a prediction, and the rest go on; too many such rows fail
// the step after the file is written, so that the good rows are there to look at.
import { DEFAULT_MISSING, loadPipeline } from '../engine/config/pipeline.ts';
import type { ReadOptions } from '../engine/data/csv-reader.ts';
import { readDataSlices } from '../engine/data/read-data.ts';
import { resolveDataFiles } from '../engine/data/files.ts';
import { InputError, OutputPathError } from '../engine/errors.ts';
import { predictPackage } from '../engine/model/predict.ts';
import { chooseModel } from './chosen-model.ts';
import type { ParseIssueCode } from '../engine/data/table.ts';
import { csvField, EXAMPLES, inputTypes, outputHeader, predictSlice } from '../engine/serving/batch-predict.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { openAtomic } from '../engine/write-atomic.ts';
import { resolveOptions } from './data-source.ts';
import { optionalInput, userPath, type ResolvedPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import { checkOutput, outputPaths, runInputs } from './outputs.ts';
import type { InputsOf } from './specs.ts';

/** Rows per slice: about 20 MB of typed columns for 20 features, and few enough writes. */
const SLICE_ROWS = 65_536;
/** Parse issues whose record the reader skips: rows that are not in the output. */
const SKIPPED: readonly ParseIssueCode[] = ['ragged_row', 'unclosed_quote', 'bad_quote'];

function maxBadShare(inputs: InputsOf<'predict'>): number {
  const raw = (inputs['max-bad-rows'] ?? '').trim();
  const share = Number(raw);
  if (raw === '' || !Number.isFinite(share) || share < 0 || share > 1) throw new InputError('max-bad-rows', `${JSON.stringify(raw)} is not a share from 0 to 1 (0.01 is 1%)`);
  return share;
}

export async function predict(inputs: InputsOf<'predict'>, io: StepIO): Promise<StepResult<'predict'>> {
  const pipelineFile = optionalInput(inputs, 'pipeline');
  const cfg = pipelineFile !== undefined ? await loadPipeline(pipelineFile, io.root, io.cwd) : undefined;
  const maxBad = maxBadShare(inputs);
  const scorer = await chooseModel(inputs, io, cfg);
  const { pkg } = scorer;
  const dataPattern = optionalInput(inputs, 'data');
  if (dataPattern === undefined) throw new InputError('data', 'give the CSV file (or glob) to score');
  const sources = await resolveDataFiles(io.root, dataPattern, 'the data input', resolveOptions(io, true));
  const out: ResolvedPath = optionalInput(inputs, 'output') !== undefined ? userPath(io, inputs, 'output', undefined, false) : outputPaths(io, pkg.pipeline, { predictions: 'predictions.csv' }).predictions;
  await checkOutput(io, out, [...sources.map((s) => s.path), ...(scorer.abs ? [scorer.abs] : []), ...(cfg ? runInputs(cfg) : [])]);

  // Every column the model reads is read as serve reads it; the id column as text, exactly as written.
  const declared = inputTypes(pkg);
  if (pkg.id !== null && !declared.has(pkg.id)) declared.set(pkg.id, 'categorical');
  const settings = cfg?.data;
  const read: ReadOptions = { missing: settings?.missing ?? DEFAULT_MISSING, declared, ...(settings?.decimal ? { decimal: settings.decimal } : {}), ...(settings?.delimiter ? { delimiter: settings.delimiter } : {}) };
  const key = { id: pkg.id, files: sources.map((s) => s.name) };
  let rows = 0;
  let bad = 0;
  const examples: string[] = [];
  let file;
  try {
    file = await openAtomic(out.abs);
  } catch (err) {
    throw new OutputPathError(out.shown, `cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let parse;
  try {
    await file.write(`${outputHeader(pkg, key).map(csvField).join(',')}\n`);
    parse = await readDataSlices(sources, read, {
      rows: SLICE_ROWS,
      take: async (slice) => {
        const done = await predictSlice(pkg, slice, key, (t) => predictPackage(pkg, t));
        rows += done.rows;
        bad += done.bad;
        examples.push(...done.examples.slice(0, EXAMPLES - examples.length));
        await file.write(done.text);
      },
    });
    const fatal = parse.issues.find((i) => i.code === 'empty_file' || i.code === 'encoding');
    if (rows === 0) throw new InputError('data', fatal ? `${fatal.file}: ${fatal.message}` : `${key.files.join(', ')} ${key.files.length === 1 ? 'has' : 'have'} no rows to predict`);
    if (pkg.id !== null && !parse.columns.includes(pkg.id)) io.warning(`the model's id column ${JSON.stringify(pkg.id)} is not in the data; the rows are named by an empty id`);
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }

  // Records the reader could not split into the header's fields were skipped: they count as bad rows.
  const skipped = SKIPPED.reduce((n, code) => n + (parse.issueCounts[code] ?? 0), 0);
  const skippedExamples = parse.issues.filter((i) => SKIPPED.includes(i.code)).map((i) => `${i.file} line ${i.line}: ${i.message}`);
  const badTotal = bad + skipped;
  const share = badTotal / (rows + skipped);
  const lines = [`### predict: ${escapeMarkdown(pkg.pipeline)}`, ''];
  lines.push(`Model <code>${escapeMarkdown(scorer.source)}</code> (${scorer.digest}) on ${key.files.map((f) => `<code>${escapeMarkdown(f)}</code>`).join(', ')}: ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'} predicted into <code>${escapeMarkdown(out.shown)}</code>.`);
  if (badTotal > 0) {
    lines.push('', `${badTotal.toLocaleString('en-US')} row${badTotal === 1 ? '' : 's'} (${(share * 100).toFixed(2)}%) got an error instead of a prediction${skipped > 0 ? ` (${skipped.toLocaleString('en-US')} of them skipped by the CSV reader, so not in the output)` : ''}; the limit is ${(maxBad * 100).toFixed(2)}%:`, '');
    for (const e of [...examples, ...skippedExamples].slice(0, EXAMPLES)) lines.push(`- ${escapeMarkdown(e, 300)}`);
  }
  const summary = `${lines.join('\n')}\n`;
  const outputs = { predictions: out.shown, rows: String(rows + skipped), 'bad-rows': String(badTotal), 'model-digest': scorer.digest };
  if (share > maxBad) return { ok: false, failure: `${badTotal} of ${rows + skipped} rows (${(share * 100).toFixed(2)}%) could not be predicted, more than max-bad-rows (${(maxBad * 100).toFixed(2)}%); the predictions are in ${out.shown}, each bad row with its reason in the error column`, outputs, summary };
  return { ok: true, outputs, summary };
}

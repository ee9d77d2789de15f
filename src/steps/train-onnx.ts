// train with a team's own trainer: the split as for the forest, the training rows handed to the
// command as a CSV, the ONNX model it writes checked against the pipeline and wrapped into the suite's
// package (format 4) with the same split key, profile, schema, holdout, examples and provenance.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { labelValues } from '../engine/data/labels.ts';
import { cellText, cellValue, columnByName, placeWord, subsetTable, type Table } from '../engine/data/table.ts';
import { sha256Hex } from '../engine/digest.ts';
import { UserError } from '../engine/errors.ts';
import { present } from '../engine/present.ts';
import type { EncodedColumn } from '../engine/features/encode.ts';
import { ONNX_FORMAT_VERSION, type OnnxInFile, type PackageHead } from '../engine/model/package.ts';
import { exampleRowsOf, holdout } from '../engine/model/package-parts.ts';
import { permutationImportance } from '../engine/model/permutation-importance.ts';
import { profileTable } from '../engine/model/profile.ts';
import { cutZipMap, graphInfo, OnnxFormatError } from '../engine/onnx/graph-info.ts';
import { describeModel, loadOnnx, probabilityClasses, runOnnx, suitePredictions, type OnnxInterface } from '../engine/onnx/onnx-model.ts';
import { ProtoSyntaxError } from '../engine/onnx/protobuf.ts';
import { inferSchema } from '../engine/schema/data-schema.ts';
import { csvField } from '../engine/serving/batch-predict.ts';
import { featureNames, loadData } from './data-source.ts';
import type { StepResult } from './io.ts';
import { sideEffect, writeOutputs } from './outputs.ts';
import { commonHead, finish, type TrainRun } from './train-package.ts';
import { splitRows } from './train-split.ts';

/** The largest ONNX file a trainer may write (it is held in memory, and base64 in the package). */
const MAX_ONNX_BYTES = 1024 ** 3;

async function writeTrainingCsv(file: string, table: Table, rows: readonly number[], columns: readonly string[]): Promise<void> {
  const cols = columns.map((name) => present(columnByName(table, name), `the column ${name}`));
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvField(cellText(c, r))).join(','));
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** Runs the trainer and returns the ONNX bytes it wrote; every way it can fail is the user's (exit 2). */
async function runTrainer(run: TrainRun, env: Record<string, string>, output: string): Promise<Uint8Array> {
  const { cfg, io } = run;
  const trainer = present(cfg.trainer, 'the pipeline\'s trainer');
  if (!io.trainer) throw new Error('the front door gave train no trainer runner');
  io.info(`running the trainer: ${trainer.command}`);
  const done = await io.trainer.run(trainer.command, { cwd: cfg.root, env, timeoutMs: trainer.timeoutMinutes * 60_000 });
  const tail = done.stderrTail.length > 0 ? `; the last lines of its standard error:\n${done.stderrTail.join('\n')}` : '';
  if (done.timedOut) throw new UserError(`the trainer ran past trainer.timeout_minutes (${trainer.timeoutMinutes}) and was ended, with everything it started${tail}`);
  if (done.code !== 0) throw new UserError(`the trainer failed (${done.code === null ? `ended by ${done.signal}` : `exit ${done.code}`}): ${trainer.command}${tail}`);
  const info = await stat(output).catch(() => undefined);
  if (!info?.isFile() || info.size === 0) throw new UserError(`the trainer exited 0 but wrote no model to MLOPS_OUTPUT (${output}): ${trainer.command}`);
  if (info.size > MAX_ONNX_BYTES) throw new UserError(`the trainer wrote ${info.size.toLocaleString('en-US')} bytes; an ONNX model may have at most ${MAX_ONNX_BYTES.toLocaleString('en-US')}`);
  io.info(`the trainer wrote ${info.size.toLocaleString('en-US')} bytes in ${done.seconds.toFixed(1)} s`);
  return readFile(output);
}

/** The columns as the package describes them: numbers, or text handed to the model as it is. */
function inputColumns(table: Table, features: readonly string[]): EncodedColumn[] {
  return features.map((name) => {
    const col = present(columnByName(table, name), `the column ${name}`);
    // A text input is described as ordinal with the levels training saw, so that every reader (predict,
    // drift) reads it as text; the model itself gets the text.
    return col.kind === 'numeric' ? { name, kind: 'numeric' } : { name, kind: 'ordinal', levels: [...col.levels].sort() };
  });
}

export async function trainWithTrainer(run: TrainRun, dataInput: string | undefined, threads: number): Promise<StepResult<'train'>> {
  const { cfg, io, out } = run;
  const { table } = await loadData(cfg, { data: dataInput }, io);
  const split = await splitRows(cfg, table, threads, io);
  const { labels, trainRows, testRows, isTest } = split;
  const features = featureNames(cfg, table);
  const classes = labels.classes;
  const dir = await mkdtemp(path.join(io.tmp, 'mlops-trainer-'));
  let written: Uint8Array;
  try {
    const data = path.join(dir, 'train.csv');
    const output = path.join(dir, 'model.onnx');
    await writeTrainingCsv(data, table, trainRows, [...features, cfg.target, ...(cfg.id !== undefined ? [cfg.id] : [])]);
    written = await runTrainer(run, { MLOPS_TRAIN_DATA: data, MLOPS_TARGET: cfg.target, MLOPS_TASK: cfg.task, MLOPS_FEATURES: JSON.stringify(features), MLOPS_ID: cfg.id ?? '', MLOPS_SEED: String(cfg.split.seed), MLOPS_OUTPUT: output }, output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const shown = 'the trainer\'s model';
  let bytes = written;
  let zipmapCut = false;
  let describedAs: Omit<OnnxInterface, 'classes'>;
  try {
    const cut = cutZipMap(written);
    if (cut) {
      bytes = cut.bytes;
      zipmapCut = true;
      io.info(`cut the model's final ZipMap (${cut.replaced}): its probabilities are the tensor ${cut.probabilities}`);
    }
    const kinds = features.map((name) => ({ name, numeric: columnByName(table, name)?.kind === 'numeric' }));
    describedAs = describeModel(shown, graphInfo(bytes), kinds, cfg.task);
  } catch (err) {
    if (err instanceof OnnxFormatError || err instanceof ProtoSyntaxError) throw new UserError(`${shown}: ${err.message}`);
    throw err;
  }
  const session = await loadOnnx(shown, bytes);
  const trainTable = subsetTable(table, trainRows);
  // The class of each probability column, from the model's own labels on the training rows.
  const onTrain = await runOnnx(session, describedAs, trainTable, features);
  const iface: OnnxInterface = { ...describedAs, classes: classes ? probabilityClasses(shown, onTrain, classes) : null };
  const predict = async (t: Table) => suitePredictions(await runOnnx(session, iface, t, features), iface, classes);

  const testTable = subsetTable(table, testRows);
  const yTest = labelValues(labels, testRows);
  const onTest = await predict(testTable);
  // A prediction must exist for every row: NaN (or a label outside the classes) is a model that does
  // not handle its input, most often a missing value it was never trained to see.
  const none = testRows.filter((_, i) => !Number.isFinite(onTest.yPred[i]!));
  if (none.length > 0) {
    const first = none[0]!;
    throw new UserError(`${shown} gives no prediction (NaN) for ${none.length.toLocaleString('en-US')} of ${testRows.length.toLocaleString('en-US')} test rows, the first ${table.files[table.fileIndex[first]!] ?? ''} ${placeWord(table.files[table.fileIndex[first]!] ?? '')} ${table.line[first]}; a model must handle every row it may be given, missing values (NaN, or the empty string) included`);
  }
  const exampleRows = exampleRowsOf(table, isTest, labels.labelled);
  const examples = await predict(subsetTable(table, exampleRows));
  const encodingColumns = inputColumns(table, features);
  const importance = await permutationImportance(predict, testTable, onTest, yTest, features, classes !== null, cfg.split.seed);
  const sha = sha256Hex(bytes);
  const parts = {
    classes,
    encoding: { columns: encodingColumns, features },
    schema: inferSchema(table, cfg.validation.maxMissingRate),
    keyColumns: split.keyColumns,
    stratifyShares: split.stratifyShares,
    files: table.files,
    rows: { total: table.rowCount, labelled: trainRows.length + testRows.length, train: trainRows.length, test: testRows.length },
  };
  const head: PackageHead = {
    ...(await commonHead(run, parts, ONNX_FORMAT_VERSION, null)),
    oob_score: null,
    feature_importance: importance,
    importance_method: 'permutation',
    profile: profileTable(trainTable),
    holdout: yTest.length > 0 ? holdout(yTest, onTest, classes, cfg.task) : undefined,
    examples: {
      rows: exampleRows.map((r) => Object.fromEntries(encodingColumns.map((c) => [c.name, cellValue(present(columnByName(table, c.name), `the column ${c.name}`), r)]))),
      predictions: Array.from(examples.yPred, (v) => (classes ? (classes[v] ?? String(v)) : v)),
    },
  };
  const onnx: OnnxInFile = { sha256: sha, base64: Buffer.from(bytes).toString('base64'), interface: iface, command: cfg.trainer?.command ?? '', written_sha256: sha256Hex(written), zipmap_cut: zipmapCut };
  const json = Buffer.from(JSON.stringify({ ...head, onnx }));
  const packaged = run.gzip ? gzipSync(json) : json;
  await writeOutputs(io, [[out, packaged]], run.protectedInputs);
  const cache = run.cache;
  if (cache) await sideEffect(io, 'saving the model to the cache', () => cache.save([out.shown], run.cacheKey));
  return finish(cfg, head, packaged, out, io, run.upload, '');
}

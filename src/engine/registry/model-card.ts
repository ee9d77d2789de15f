// The model card, in Hugging Face's layout: YAML metadata (with `model-index` results, which the Hub
// and other tools read) and then Markdown for people. It is the release's body too, so everything that
// comes from data or config is escaped.
import { stringify } from 'yaml';
import { CLASSIFICATION_METRICS, REGRESSION_METRICS } from '../config/pipeline.ts';
import { escapeMarkdown } from '../text/escape.ts';
import type { ModelPackage } from '../model/package.ts';
import type { ReleaseRecord } from './contract.ts';
import { onnxInputs } from '../onnx/export-forest.ts';
import { DataType } from '../onnx/model-proto.ts';

/** What evaluate wrote (metrics.json), as far as the card reads it. */
export interface CardMetrics {
  values: Record<string, number | null>;
  ci: Record<string, [number, number] | null>;
  slices: { column: string; value: string; rows: number; metrics: Record<string, number | null> }[];
  testRows: number;
  notes: string[];
}

/** What compare-to-champion decided (comparison.json), as far as the card reads it. */
export interface CardComparison {
  decision: string;
  reasons: string[];
  compared_rows?: number;
  champion?: { source: string; sha256: string } | null;
}

const e = (s: string, max = 200) => escapeMarkdown(s, max);
const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));

/** The slices where the primary metric is weakest, for the limitations. */
function weakest(metrics: CardMetrics, primary: string, lowerIsBetter: boolean, n = 5): CardMetrics['slices'] {
  return metrics.slices
    .flatMap((slice) => {
      const value = slice.metrics[primary];
      return typeof value === 'number' && slice.rows >= 5 ? [{ slice, value }] : [];
    })
    .sort((a, b) => (lowerIsBetter ? b.value - a.value : a.value - b.value))
    .slice(0, n)
    .map((x) => x.slice);
}

/** Inputs listed one by one in the card's ONNX section; a wider model's are counted. */
const LISTED_INPUTS = 12;

/** The columns a model reads, each with its ONNX input type, the first LISTED_INPUTS of them named. */
function listedInputs(columns: readonly { name: string; type: string }[]): string {
  const inputs = columns.map((c) => `${e(JSON.stringify(c.name), 80)} (${c.type})`);
  return inputs.slice(0, LISTED_INPUTS).join(', ') + (inputs.length > LISTED_INPUTS ? `, and ${inputs.length - LISTED_INPUTS} more (the model's inputs name them all)` : '');
}

/** The team's own model as the release carries it: the interface train found in it. */
function teamOnnxSection(onnx: NonNullable<ModelPackage['onnx']>, asset: string): string[] {
  const { input, outputs } = onnx.interface;
  const takes = input.layout === 'matrix' ? `one input, \`${e(input.name, 80)}\`, a \`[N, F]\` ${input.type === 'float32' ? 'float' : 'double'} matrix of the features in the order of the package's encoding` : `one \`[N, 1]\` input per column: ${listedInputs(input.columns.map((c) => ({ name: c.name, type: c.type === 'float64' ? 'double' : 'string' })))}`;
  const gives = outputs.prediction !== undefined ? `\`${e(outputs.prediction, 80)}\`` : `\`${e(outputs.label ?? '', 80)}\` (the label) and \`${e(outputs.probabilities ?? '', 80)}\` (the probabilities, columns in the order ${(onnx.interface.classes ?? []).map((c) => e(c, 40)).join(', ')})`;
  return [
    '## Run it anywhere (ONNX)',
    '',
    `\`${asset}\` in this release (listed in SHA256SUMS) is the model the pipeline's trainer wrote, as the suite runs it${onnx.zipmap_cut ? ' (its final ZipMap cut out)' : ''}: ${takes}; outputs ${gives}.`,
    '',
  ];
}

/** How to run the release's ONNX model: its inputs and outputs, and a call in Python. */
function onnxSection(pkg: ModelPackage, asset: string): string[] {
  if (pkg.onnx) return teamOnnxSection(pkg.onnx, asset);
  const shown = listedInputs(onnxInputs(pkg).map((v) => ({ name: v.name, type: v.type === DataType.DOUBLE ? 'double' : 'string' })));
  const outputs = pkg.task === 'classification' ? '`label` (`[N]` string) and `probabilities` (`[N, C]` double, the classes in the order above, also in the metadata\'s `classes`)' : '`prediction` (`[N, 1]` double)';
  return [
    '## Run it anywhere (ONNX)',
    '',
    `\`${asset}\` in this release (listed in SHA256SUMS) predicts exactly what the package predicts, in any ONNX runtime with ai.onnx 21 and ai.onnx.ml 5 (onnxruntime 1.18 or later): labels identical, vote shares within 1e-12. One input per column, \`[N, 1]\` each: double for numbers and booleans (1 and 0; NaN for missing), string for categories (the empty string for missing); the encoding runs inside the graph. Inputs: ${shown}. Outputs: ${outputs}.`,
    '',
    '```python',
    'import numpy as np, onnxruntime as ort',
    `session = ort.InferenceSession("${asset}")`,
    '# one [N, 1] array per input: float64 for numbers, object (str) for categories',
    'feeds = {i.name: np.array([[0.0]]) if i.type == "tensor(double)" else np.array([[""]], dtype=object) for i in session.get_inputs()}',
    'print(session.run(None, feeds))',
    '```',
    '',
  ];
}

export function modelCard(pkg: ModelPackage, record: ReleaseRecord, metrics: CardMetrics, comparison: CardComparison | null, lowerIsBetter: (m: string) => boolean, onnxAsset: string | null = null): string {
  const task = pkg.task === 'classification' ? 'tabular-classification' : 'tabular-regression';
  const meta = {
    library_name: 'mlops-actions',
    tags: [...(pkg.forest ? ['random-forest', 'ml-random-forest'] : ['onnx']), task, 'mlops-actions'],
    'model-index': [
      {
        name: pkg.pipeline,
        results: [
          {
            task: { type: task, name: pkg.task === 'classification' ? 'Tabular Classification' : 'Tabular Regression' },
            dataset: { name: pkg.provenance.data_files.join(', '), type: 'tabular', revision: pkg.provenance.data_sha256 },
            metrics: Object.entries(metrics.values)
              .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
              .map(([name, value]) => ({ type: name, value: Number(value.toPrecision(6)), name })),
          },
        ],
      },
    ],
  };
  const out: string[] = ['---', stringify(meta, { lineWidth: 0 }).trimEnd(), '---', ''];
  out.push(`# ${e(pkg.pipeline)} v${record.version}`, '');
  const classes = pkg.target.classes ? ` (${pkg.target.classes.map((c) => e(c, 40)).join(', ')})` : '';
  if (pkg.params) out.push(`A random forest of ${pkg.params.trees} trees (${pkg.task}) that predicts ${e(JSON.stringify(pkg.target.name))}${classes}, in ml-random-forest's format.`, '');
  else out.push(`An ONNX model (${pkg.task}) from the pipeline's own trainer, \`${e(pkg.onnx?.command ?? '?', 200)}\`, that predicts ${e(JSON.stringify(pkg.target.name))}${classes}. Its feature importance is permutation importance on the test rows.`, '');
  out.push('## Intended use', '');
  out.push(`Predicting ${e(JSON.stringify(pkg.target.name))} for rows shaped like the training data: the same ${pkg.encoding.columns.length} feature columns, with the types of the schema in the package. ${pkg.forest ? 'Unknown categories and missing values are handled as in training (missing goes right at every split; an unseen category is "none of the known levels").' : 'Missing numbers reach the model as NaN and missing text as the empty string; what it does with them is its trainer\'s.'} It is not meant for data whose distribution differs from the training data's: watch it with drift-report.`, '');
  if (onnxAsset) out.push(...onnxSection(pkg, onnxAsset));
  out.push('## Data', '');
  out.push(`- files: ${pkg.provenance.data_files.map((f) => `<code>${e(f)}</code>`).join(', ')}`);
  out.push(`- sha256: \`${pkg.provenance.data_sha256}\``);
  out.push(`- rows: ${pkg.rows.total.toLocaleString('en-US')} (${pkg.rows.train.toLocaleString('en-US')} train, ${pkg.rows.test.toLocaleString('en-US')} test; split key ${pkg.split.key_columns.length === 1 ? e(JSON.stringify(pkg.split.key_columns[0]!)) : `${pkg.split.key_columns.length} columns`}, seed ${pkg.split.seed}, test fraction ${pkg.split.test_fraction})`, '');
  out.push('## Metrics', '', `On ${metrics.testRows.toLocaleString('en-US')} test rows, with 95% bootstrap intervals.`, '', '| Metric | Value | 95% CI |', '|---|---:|---|');
  for (const [name, value] of Object.entries(metrics.values)) {
    const ci = metrics.ci[name];
    out.push(`| ${e(name)} | ${num(value)} | ${ci ? `${num(ci[0])} – ${num(ci[1])}` : '–'} |`);
  }
  for (const note of metrics.notes) out.push('', `> ${e(note, 400)}`);
  out.push('', '## Gates and comparison', '');
  if (record.rollback_of !== null) out.push(`A rollback: this version restores v${record.rollback_of}'s model.`, '');
  if (comparison) {
    out.push(`Decision: **${e(comparison.decision)}**${comparison.compared_rows !== undefined ? ` on ${comparison.compared_rows.toLocaleString('en-US')} rows that neither model trained on` : ''}.`, '');
    for (const r of comparison.reasons) out.push(`- ${e(r, 300)}`);
    if (comparison.champion) out.push('', `Previous champion: ${e(comparison.champion.source)} (sha256 ${comparison.champion.sha256.slice(0, 12)}…).`);
  } else out.push(record.reasons.map((r) => `- ${e(r, 300)}`).join('\n') || '- none recorded');
  out.push('', '## Lineage', '');
  out.push(`- commit: ${record.commit ? `\`${e(record.commit, 64)}\`` : 'unknown'}`);
  out.push(`- config sha256: \`${pkg.provenance.config_sha256}\``);
  const p = pkg.params;
  if (p) out.push(`- parameters: trees ${p.trees}, max_depth ${p.max_depth ?? 'unlimited'}, min_samples_leaf ${p.min_samples_leaf}, max_features ${e(String(p.max_features))}, bootstrap ${p.bootstrap}, seed ${p.seed}`);
  else out.push(`- trainer: \`${e(pkg.onnx?.command ?? '?', 200)}\`; the ONNX file it wrote: sha256 \`${pkg.onnx?.written_sha256 ?? '?'}\`${pkg.onnx?.zipmap_cut ? ' (its final ZipMap cut out)' : ''}`);
  out.push(`- model package sha256: \`${record.model_sha256}\``);
  out.push(`- trained by ${e(pkg.provenance.tool)}${pkg.provenance.created_at ? ` at ${e(pkg.provenance.created_at)}` : ''}; published ${e(record.published_at)}`, '');
  out.push('## Limitations', '');
  const primary = record.primary.metric;
  const worst = weakest(metrics, primary, lowerIsBetter(primary));
  if (worst.length > 0) {
    out.push(`Where ${e(primary)} is weakest (slices of at least 5 test rows):`, '', '| Column | Value | Rows | ' + e(primary) + ' |', '|---|---|---:|---:|');
    for (const s of worst) out.push(`| ${e(s.column, 60)} | ${e(s.value, 60)} | ${s.rows} | ${num(s.metrics[primary])} |`);
  } else out.push('No slices were evaluated (`evaluation.slices`), so weak spots are not known.');
  out.push('', 'Metrics are measured on a held-out split of the same data, not on data from after training; a change in the data can make them optimistic. Changes against the champion are tested with McNemar\'s exact test (accuracy) and a paired bootstrap (the other metrics).');
  return `${out.join('\n')}\n`;
}

const SCALARS: readonly string[] = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS];

/** evaluate's metrics.json as the card shows it: the scalar metrics, their intervals, slices and notes. */
export function cardMetrics(metrics: Record<string, unknown>, scalars: readonly string[] = SCALARS): CardMetrics {
  const values: Record<string, number | null> = {};
  for (const name of scalars) if (Object.hasOwn(metrics, name)) values[name] = typeof metrics[name] === 'number' ? (metrics[name] as number) : null;
  return {
    values,
    ci: (metrics.ci ?? {}) as CardMetrics['ci'],
    slices: (metrics.slices ?? []) as CardMetrics['slices'],
    testRows: ((metrics.rows as { test?: number } | undefined)?.test ?? 0) as number,
    notes: (metrics.notes ?? []) as string[],
  };
}


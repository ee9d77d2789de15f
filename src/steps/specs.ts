// The one declaration of every step's inputs and outputs. The build writes each action.yml from it,
// and the CLI takes its flags from it, so the two front doors cannot drift apart.

export interface InputSpec {
  name: string;
  description: string;
  required?: boolean;
  /** Optional inputs have a string default ('' when there is none). */
  default?: string;
}

/** How `--json` prints an output (action outputs are always strings, as GitHub requires). */
export type OutputType = 'string' | 'path' | 'boolean' | 'number' | 'json';

export interface OutputSpec {
  name: string;
  type: OutputType;
  description: string;
}

/**
 * What a step needs from outside the engine, beyond files under the root. A front door builds each port
 * a step declares (GitHub's, or the local disk's) and nothing else; a port it cannot build (no token, no
 * runner services) stays undefined, and the step says what that means.
 */
export type PortName = 'cache' | 'artifacts' | 'earlierModels' | 'champions' | 'registry' | 'attest' | 'deployments' | 'comments' | 'pullRequests' | 'driftIssues' | 'dispatcher' | 'trainer' | 'driftHistory' | 'logPuller';

export interface StepSpec {
  name: string;
  /** action.yml `name` and the CLI's one-line help. */
  title: string;
  description: string;
  inputs: readonly InputSpec[];
  outputs: readonly OutputSpec[];
  ports: readonly PortName[];
}

const pipeline = { name: 'pipeline', required: true, description: 'The pipeline file (for example pipelines/spam-detector.yml). Paths inside it are relative to the repository root.' } as const satisfies InputSpec;
const data = { name: 'data', default: '', description: 'A CSV or Parquet path or glob that replaces the pipeline\'s data.train (for example a new batch of data).' } as const satisfies InputSpec;
const token = { name: 'token', default: '${{ github.token }}', description: 'The token for GitHub API calls.' } as const satisfies InputSpec;

export const STEP_SPECS = [
  {
    name: 'validate-data',
    title: 'mlops: validate data',
    description: 'Checks a data set against its pipeline: schema, types, ranges, categories, missing values, labels, duplicates and leakage.',
    ports: [],
    inputs: [
      pipeline,
      data,
      { name: 'test-data', default: '', description: 'A held-out CSV or Parquet path or glob that replaces data.test; enables the leakage check.' },
      { name: 'schema', default: '', description: 'A data schema file that replaces the pipeline\'s schema.' },
      { name: 'report', default: '', description: 'Where to write the JSON report (default: out/<pipeline>/validation-report.json).' },
      { name: 'fail-on-error', default: 'true', description: 'Fail the step when a check with severity error fails (true or false).' },
    ],
    outputs: [
      { name: 'passed', type: 'boolean', description: 'true when no check with severity error failed, else false.' },
      { name: 'report', type: 'path', description: 'The path of the JSON report.' },
      { name: 'errors', type: 'number', description: 'The number of problems found by failed checks.' },
      { name: 'warnings', type: 'number', description: 'The number of problems found by checks with severity warn.' },
    ],
  },
  {
    name: 'train',
    title: 'mlops: train',
    description: 'Trains a random forest (ml-random-forest format) on the pipeline\'s training split and writes a model package.',
    ports: ['cache', 'artifacts', 'earlierModels', 'trainer'],
    inputs: [
      pipeline,
      data,
      { name: 'params', default: '', description: 'A JSON object that overrides keys of the pipeline\'s model section, for example {"trees": 200}.' },
      { name: 'output', default: '', description: 'The model package\'s path (default: out/<pipeline>/model.json).' },
      { name: 'upload-artifact', default: 'false', description: 'Upload the model package as a workflow artifact (true or false).' },
      { name: 'threads', default: '', description: 'Training threads (default: one per core); the model is the same whatever the number.' },
      { name: 'reuse', default: '', description: 'pull-request: on a push, take the model artifact of the pull request that this commit merged instead of training, when its data, config, parameters and code are exactly this run\'s (otherwise, or when the artifact is gone, train). Only a pull_request run of the candidate workflow on this repository (not a fork) is trusted, and its model must have the digest that run\'s comparison recorded. Empty: no reuse.' },
      { name: 'candidate-workflow', default: '', description: 'With reuse: the workflow file whose pull_request runs made candidates, for example .github/workflows/spam-detector.yml (default: this run\'s own workflow file, which calls both mlops-candidate and mlops-promote).' },
      { name: 'shard', default: '', description: 'i/N: train only shard i of N (trees split in N ranges) and write a shard file (out/<pipeline>/shard-<i>-of-<N>.shard) for a merge; each shard is one runner of a matrix.' },
      { name: 'merge', default: '', description: 'A path or glob of shard files: put their trees together and package the forest, byte-identical to the model one runner trains with the same seed.' },
      { name: 'save-config', default: 'false', description: 'Write params into the pipeline file\'s model section and data into its data.train (comments kept), so that a commit carries the new config (true or false).' },
      token,
    ],
    outputs: [
      { name: 'model-path', type: 'path', description: 'The path of the model package.' },
      { name: 'model-digest', type: 'string', description: 'The sha256 of the model package, as sha256:<hex>.' },
      { name: 'oob-score', type: 'number', description: 'The out-of-bag score of the forest.' },
      { name: 'feature-importance', type: 'json', description: 'A JSON object of feature name to impurity importance.' },
      { name: 'artifact', type: 'string', description: 'The name of the uploaded artifact (model-<pipeline>-<job>-<commit7>-<digest12>), or empty when nothing was uploaded.' },
      { name: 'restored-from', type: 'string', description: 'Where the model came from instead of training: cache, pull-request #<N>, or empty when it was trained.' },
    ],
  },
  {
    name: 'evaluate',
    title: 'mlops: evaluate',
    description: 'Scores a model package on the pipeline\'s test split, with bootstrap confidence intervals and slice metrics.',
    ports: [],
    inputs: [pipeline, { name: 'model', required: true, description: 'The model package to score.' }, data],
    outputs: [
      { name: 'metrics', type: 'path', description: 'The path of a JSON file of metric name to value.' },
      { name: 'report', type: 'path', description: 'The path of the Markdown report.' },
    ],
  },
  {
    name: 'compare-to-champion',
    title: 'mlops: compare to champion',
    description: 'Scores the candidate and the current champion on the same rows, applies the gates and a paired significance test, and comments once on the pull request.',
    ports: ['champions', 'artifacts', 'comments'],
    inputs: [
      pipeline,
      { name: 'candidate', required: true, description: 'The candidate model package.' },
      data,
      token,
      { name: 'allow-first-model', default: 'false', description: 'Decide as a first model when the champion cannot be looked up (no token). Without it, a missing token fails the step: no champion source is not "no champion".' },
      { name: 'sweep-report', default: '', description: 'The sweep\'s JSON record (out/<pipeline>/sweep.json) when the candidate is a sweep\'s best cell: its table and chart go into the report and the comment.' },
      { name: 'fail-on-reject', default: 'true', description: 'Fail the step when the candidate is rejected (true or false); false lets a workflow go on and act on the decision output.' },
    ],
    outputs: [
      { name: 'decision', type: 'string', description: 'promote, reject, first-model or no-change (the candidate predicts exactly what the champion predicts).' },
      { name: 'promote', type: 'boolean', description: 'true when the candidate should be published, else false.' },
      { name: 'reasons', type: 'json', description: 'A JSON list of the reasons for the decision.' },
      { name: 'report', type: 'path', description: 'The path of the Markdown report.' },
      { name: 'compared-rows', type: 'number', description: 'How many rows both models were scored on: the labelled rows that are test rows under both models\' splits.' },
      { name: 'artifact', type: 'string', description: 'The name of the uploaded comparison artifact (mlops-comparison-<pipeline>-<job>-<commit7>-<digest12>), or empty outside Actions.' },
    ],
  },
  {
    name: 'publish-model',
    title: 'mlops: publish model',
    description: 'Publishes a promoted model as the next version of the pipeline\'s model (a GitHub release, or models/ locally) with its model card and checksums; or rolls back to an earlier version.',
    ports: ['registry', 'attest'],
    inputs: [
      pipeline,
      { name: 'model', default: '', description: 'The model package to publish (default: out/<pipeline>/model.json).' },
      { name: 'comparison', default: '', description: 'compare-to-champion\'s comparison.json for this model (default: out/<pipeline>/comparison.json).' },
      { name: 'metrics', default: '', description: 'evaluate\'s metrics.json for this model (default: out/<pipeline>/metrics.json).' },
      { name: 'force', default: 'false', description: 'Publish even when the comparison did not decide promote or first-model (true or false).' },
      { name: 'rollback-to', default: '', description: 'Make an earlier version the champion again (3, v3 or <pipeline>-v3): a new version that carries its files. The other model inputs are then not read.' },
      token,
    ],
    outputs: [
      { name: 'version', type: 'number', description: 'The published version number (empty when nothing was published).' },
      { name: 'tag', type: 'string', description: 'The version\'s tag, <pipeline>-v<N>.' },
      { name: 'release-url', type: 'string', description: 'The release\'s web address (or its folder in models/).' },
      { name: 'model-digest', type: 'string', description: 'The sha256 of the published model asset (the gzipped package), as sha256:<hex>.' },
    ],
  },
  {
    name: 'deploy',
    title: 'mlops: deploy',
    description: 'Delivers a published model version to a serving endpoint (mlops serve\'s PUT /admin/model) after verifying its checksums, checks that the endpoint serves it, and records a GitHub Deployment.',
    ports: ['registry', 'deployments'],
    inputs: [
      pipeline,
      { name: 'version', default: '', description: 'The version to deploy: 3, v3 or <pipeline>-v3 (default: the champion).' },
      { name: 'url', required: true, description: 'The serving endpoint\'s base address, for example https://models.example.com/spam.' },
      { name: 'admin-token', default: '', description: 'The endpoint\'s admin bearer token (pass a secret); default: the MLOPS_ADMIN_TOKEN environment variable.' },
      { name: 'environment', default: 'production', description: 'The deployment environment (GitHub Deployments).' },
      token,
    ],
    outputs: [
      { name: 'deployment-id', type: 'number', description: 'The GitHub Deployment\'s id (empty outside Actions).' },
      { name: 'version', type: 'number', description: 'The deployed version.' },
      { name: 'url', type: 'string', description: 'The serving endpoint.' },
      { name: 'model-digest', type: 'string', description: 'The sha256 of the deployed model asset, as sha256:<hex>.' },
    ],
  },
  {
    name: 'drift-report',
    title: 'mlops: drift report',
    description: 'Tests fresh data (a CSV batch or serve\'s request log) against the champion\'s training data with Evidently\'s default tests, estimates the champion\'s accuracy on it without labels, and on drift opens or updates one issue and starts the retrain workflow.',
    ports: ['champions', 'artifacts', 'driftIssues', 'dispatcher', 'driftHistory', 'logPuller'],
    inputs: [
      pipeline,
      { name: 'data', default: '', description: 'The fresh data: a CSV or Parquet path or glob (give this, log or log-url).' },
      { name: 'log', default: '', description: 'mlops serve\'s request log (JSON lines): a path or glob such as logs/requests.jsonl* (give this, data or log-url).' },
      { name: 'log-url', default: '', description: 'The address of an mlops serve (https://models.example.com): its request log is pulled over HTTP (GET /admin/requests), page by page, with since and until (give this, data or log).' },
      { name: 'log-token', default: '', description: 'With log-url: the server\'s read-only log token (default: $MLOPS_LOG_TOKEN), never its admin token.' },
      { name: 'since', default: '', description: 'With log or log-url: only requests from this time on, an ISO time or a duration back from now (24h, 7d).' },
      { name: 'until', default: '', description: 'With log or log-url: only requests before this time (ISO time or duration).' },
      { name: 'reference', default: '', description: 'A reference CSV or Parquet path or glob to compare with instead of the champion\'s training-data profile.' },
      { name: 'model', default: '', description: 'The model package to use instead of the champion (its profile, predictions and calibration).' },
      { name: 'retrain-workflow', default: 'retrain.yml', description: 'On drift, start this workflow (file name in .github/workflows, with workflow_dispatch inputs pipeline and reason); empty: start nothing.' },
      { name: 'fail-on-drift', default: 'false', description: 'Fail the step when the data drifts (true or false).' },
      { name: 'history', default: 'true', description: 'Keep the JSON summary in the registry, where mlops site draws the drift history from: models/<pipeline>/drift/<time>.json, or on GitHub an asset drift-<time>.json of the champion\'s release (the newest 100; needs contents: write) (true or false).' },
      token,
    ],
    outputs: [
      { name: 'verdict', type: 'string', description: 'drift, no-drift or not-enough-data.' },
      { name: 'drift', type: 'boolean', description: 'true when the dataset drifted (the share of drifted features reached drift.share), else false.' },
      { name: 'drift-share', type: 'number', description: 'The share of features (or of their importance, with drift.weighted) that drifted.' },
      { name: 'drifted-features', type: 'json', description: 'A JSON list of the drifted feature names, most severe first.' },
      { name: 'estimated-accuracy', type: 'number', description: 'Classification: the champion\'s accuracy on the fresh data, estimated from its calibrated confidence without labels.' },
      { name: 'measured-accuracy', type: 'number', description: 'Classification, when the fresh data has labels: the champion\'s accuracy on them.' },
      { name: 'report', type: 'path', description: 'The path of the Markdown report.' },
      { name: 'json', type: 'path', description: 'The path of the JSON report.' },
      { name: 'html', type: 'path', description: 'The path of the self-contained HTML report.' },
      { name: 'issue-number', type: 'number', description: 'The drift issue opened, updated or closed by this run (empty when none).' },
      { name: 'artifact', type: 'string', description: 'The name of the uploaded report artifact (mlops-drift-<pipeline>-<job>-<commit7>-<digest12>), or empty outside Actions.' },
    ],
  },
  {
    name: 'sweep',
    title: 'mlops: sweep',
    description: 'Trains the cells of the pipeline\'s sweep: section on the training rows but a validation part, scores each there by gates.primary (never on the test rows), and picks the best cell, whose parameters the candidate is trained with.',
    ports: [],
    inputs: [
      pipeline,
      data,
      { name: 'cell', default: '', description: 'Score only this cell (1 to the number of cells), as one matrix job does; writes out/<pipeline>/sweep/cell-<N>.json.' },
      { name: 'results', default: '', description: 'A path or glob of the cells\' result files: collect them and pick the best (the sweep workflow\'s last job). Without cell or results, every cell is scored here.' },
      { name: 'list', default: 'false', description: 'Only count the cells (outputs cells and cell-list), for a workflow\'s matrix (true or false).' },
    ],
    outputs: [
      { name: 'cells', type: 'number', description: 'The number of cells (0 when the pipeline has no sweep).' },
      { name: 'cell-list', type: 'json', description: 'The cell numbers as a JSON list ([1, 2, …]), for strategy.matrix.' },
      { name: 'best-cell', type: 'string', description: 'The best cell\'s number (empty when scoring one cell or when there is no sweep).' },
      { name: 'best-params', type: 'json', description: 'The best cell\'s model parameters as a JSON object, for train\'s params input.' },
      { name: 'report', type: 'path', description: 'The Markdown report of the sweep (a table and a chart), or the cell\'s result file.' },
      { name: 'json', type: 'path', description: 'The JSON record of the sweep (every cell, and the best), or the cell\'s result file.' },
    ],
  },
  {
    name: 'post-comparison',
    title: 'mlops: post comparison',
    description: 'Posts or updates the comparison comment of a candidate run from its downloaded mlops-comparison artifact: for a workflow_run workflow after a pull request from a fork, whose own token cannot comment. The artifact is checked (size, every field\'s type and range, a pull request whose head is the run\'s head commit) and never executed; the comment is rendered from its numbers, and the decision made again with the gates of the base branch\'s pipeline file.',
    ports: ['pullRequests'],
    inputs: [
      { name: 'artifact', required: true, description: 'The folder the mlops-comparison artifacts were downloaded into (each comparison.json below it is posted).' },
      { name: 'pipelines', default: 'pipelines/*.yml', description: 'A glob of the base branch\'s pipeline files, relative to the repository root: the gates of the pipeline a record names decide again. A record naming a pipeline none of them defines is refused.' },
      { name: 'head-sha', default: '', description: 'The head commit the candidate run ran on (default: workflow_run.head_sha of the event).' },
      token,
    ],
    outputs: [
      { name: 'pull-request', type: 'number', description: 'The pull request commented on (empty when nothing was posted).' },
      { name: 'posted', type: 'json', description: 'A JSON list of the pipelines whose comment was posted or updated.' },
    ],
  },
  {
    name: 'predict',
    title: 'mlops: predict',
    description: 'Scores a CSV or Parquet file with a model (the given package, else the pipeline\'s champion) and writes one row of predictions per data row, streaming: memory does not grow with the file.',
    ports: ['champions'],
    inputs: [
      { name: 'data', required: true, description: 'The CSV or Parquet path or glob to score (with the model\'s feature columns; other columns are ignored, the id column is copied).' },
      { name: 'pipeline', default: '', description: 'The pipeline file: its champion is the model unless model is given, and its data settings (missing markers, delimiter, decimal mark) read the file.' },
      { name: 'model', default: '', description: 'The model package to score with (default: the pipeline\'s champion, its checksum verified).' },
      { name: 'output', default: '', description: 'Where to write the predictions CSV (default: out/<pipeline>/predictions.csv): the id column (else row, the data line number), prediction, p_<class> per class for a classifier, and error.' },
      { name: 'max-bad-rows', default: '0.01', description: 'The largest share of rows (0 to 1) that may get an error instead of a prediction; past it the step fails, after the file is written.' },
      token,
    ],
    outputs: [
      { name: 'predictions', type: 'path', description: 'The path of the predictions CSV.' },
      { name: 'rows', type: 'number', description: 'The data rows read.' },
      { name: 'bad-rows', type: 'number', description: 'The rows with an error instead of a prediction (rows the CSV reader had to skip included).' },
      { name: 'model-digest', type: 'string', description: 'The sha256 of the model package used (sha256:…).' },
    ],
  },
  {
    name: 'export-onnx',
    title: 'mlops: export-onnx',
    description: 'Writes a forest (the given package, else the pipeline\'s champion) as an ONNX model that predicts exactly what the suite predicts: one input per column, the encoding inside the graph, splits in double precision.',
    ports: ['champions'],
    inputs: [
      { name: 'pipeline', default: '', description: 'The pipeline file: its champion is exported unless model is given.' },
      { name: 'model', default: '', description: 'The model package to export (default: the pipeline\'s champion, its checksum verified).' },
      { name: 'output', default: '', description: 'Where to write the ONNX model (default: out/<pipeline>/model.onnx).' },
      token,
    ],
    outputs: [
      { name: 'onnx', type: 'path', description: 'The path of the ONNX model.' },
      { name: 'onnx-digest', type: 'string', description: 'The sha256 of the ONNX file (sha256:…).' },
      { name: 'model-digest', type: 'string', description: 'The sha256 of the model package exported (sha256:…), also in the ONNX metadata.' },
    ],
  },
  {
    name: 'site',
    title: 'mlops: site',
    description: 'Writes the registry as a static site: an index of pipelines and, per pipeline, the champion, every version with its primary metric and 95% interval, a chart of the metric over versions, the drift history, and links to each release\'s files. HTML and inline SVG, no scripts.',
    ports: ['registry', 'driftHistory'],
    inputs: [
      { name: 'pipelines', default: 'pipelines/*.yml', description: 'The pipeline files to show: a path or glob.' },
      { name: 'output', default: 'out/site', description: 'The folder to write the site into; it is replaced whole (a folder mlops site did not write is refused).' },
      { name: 'previous', default: '', description: 'An earlier site\'s site.json (mlops-pages.yml keeps it in the Actions cache): a version whose SHA256SUMS digest is unchanged is taken from it instead of being downloaded again. Absent: every version is read.' },
      token,
    ],
    outputs: [
      { name: 'path', type: 'path', description: 'The site\'s folder (for actions/upload-pages-artifact).' },
      { name: 'index', type: 'path', description: 'The path of index.html.' },
      { name: 'pipelines', type: 'number', description: 'How many pipelines the site shows.' },
      { name: 'versions', type: 'number', description: 'How many versions it shows, over every pipeline.' },
    ],
  },
] as const satisfies readonly StepSpec[];

export type StepName = (typeof STEP_SPECS)[number]['name'];
export const STEP_NAMES: readonly StepName[] = STEP_SPECS.map((s) => s.name);

export function stepSpec(name: StepName): StepSpec {
  const spec = STEP_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no step ${name}`);
  return spec;
}

type SpecOf<N extends StepName> = Extract<(typeof STEP_SPECS)[number], { name: N }>;
export type InputName<N extends StepName> = SpecOf<N>['inputs'][number]['name'];
export type OutputName<N extends StepName> = SpecOf<N>['outputs'][number]['name'];

/**
 * A step's inputs as the front doors hand them over: every input its spec declares, '' when absent (a
 * default from the spec is already filled in). A renamed or removed input is a type error in the step.
 */
export type InputsOf<N extends StepName> = { readonly [K in InputName<N>]: string };
/** A step's outputs: every output its spec declares ('' when there is nothing to say). */
export type OutputsOf<N extends StepName> = { [K in OutputName<N>]: string };

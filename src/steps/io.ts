// The small interface between a step and the front door that runs it (an action or the CLI).
import type { ReleaseFile, ReleaseRecord } from '../engine/registry/contract.ts';
import type { Annotation } from '../engine/validation/report.ts';
import type { DriftHistory } from './drift-history-port.ts';
import type { LogPuller } from './log-pull-port.ts';
import type { TrainerRunner } from './trainer-port.ts';
import type { InputsOf, OutputsOf, StepName } from './specs.ts';

export type { Annotation };

/** Files kept between runs under a key (the Actions cache); paths are relative to the root. */
export interface ModelCache {
  /** True when the exact key was found and its files are back in place. */
  restore(paths: string[], key: string): Promise<boolean>;
  save(paths: string[], key: string): Promise<void>;
}

/** Files handed to the workflow run (Actions artifacts). */
export interface ArtifactStore {
  upload(name: string, files: string[], rootDirectory: string): Promise<{ id: number | undefined; size: number | undefined }>;
}

/** A champion as a store hands it over: bytes to verify against the digest it was published with. */
export interface ChampionCandidate {
  /** Where it came from, for messages (a path, or a release tag). */
  source: string;
  bytes: Buffer;
  /** The published sha256 (hex) the bytes must match. */
  sha256: string;
  /** Its version number, where the store knows it. */
  version?: number | undefined;
}

/** A published version, as a registry lists it. */
export interface PublishedVersion {
  version: number;
  tag: string;
  /** A web address (a release page) or a folder. */
  url: string;
  /** release.json; null for a version published before records existed, or a damaged one. */
  record: ReleaseRecord | null;
  /** Why the version's record cannot be trusted (a damaged or hand-edited release.json). */
  damaged?: string | undefined;
  /** The sha256 of its SHA256SUMS where the listing gives it without a download (GitHub's asset digest). */
  sumsSha256?: string | undefined;
}

/** Finds the current champion of a pipeline: the local registry, or GitHub releases. */
export interface ChampionStore {
  find(pipeline: string): Promise<ChampionCandidate | undefined>;
}

/** The model registry: versions of a pipeline's model, the highest published one the champion (GitHub Releases or models/). */
export interface Registry extends ChampionStore {
  /** Where it is, for messages ("GitHub releases of o/r", "models/"). */
  readonly where: string;
  /** Published versions, oldest first. */
  versions(pipeline: string): Promise<PublishedVersion[]>;
  /** One version's files, each verified against its SHA256SUMS. */
  files(pipeline: string, version: number): Promise<ReleaseFile[]>;
  /**
   * Publishes the files as version `record.version`, atomically (a draft or a temporary folder until
   * every file is in place and checked). Re-running after any failure completes the same version.
   * When another publish took that version first, it throws ChampionChangedError.
   */
  publish(pipeline: string, files: readonly ReleaseFile[], record: ReleaseRecord): Promise<PublishedVersion>;
  /** One file of a version, verified against its SHA256SUMS (which is itself returned as it is); undefined when the version has no such file. */
  asset(pipeline: string, version: number, name: string): Promise<Buffer | undefined>;
}

/** GitHub Deployments: a deployment per release and environment, moved through its statuses. */
export interface DeploymentTracker {
  start(ref: string, environment: string, payload: Record<string, unknown>, description: string): Promise<number>;
  status(id: number, state: 'in_progress' | 'success' | 'failure', environmentUrl: string, description: string): Promise<void>;
}

/** Where the step's report can be posted (a pull request comment). */
export interface ReportSink {
  /** Creates or updates the one comment that carries `marker`; returns what it did. */
  upsert(marker: string, body: string): Promise<string>;
}

/** The one open drift issue per pipeline (found by a label and a hidden marker). */
export interface DriftIssues {
  /** Opens the pipeline's drift issue, or updates the open one; never leaves two open. */
  raise(pipeline: string, marker: string, title: string, body: string): Promise<{ number: number; created: boolean }>;
  /** Comments on and closes the pipeline's open drift issue; its number, or undefined when none was open. */
  resolve(pipeline: string, marker: string, comment: string): Promise<number | undefined>;
}

/** Starts a workflow (workflow_dispatch) with inputs. */
export interface WorkflowDispatcher {
  dispatch(workflow: string, inputs: Record<string, string>): Promise<string>;
}

/** The pull requests post-comparison comments on (GitHub, with a token). */
export interface PullRequestPoster {
  /** The head commit of pull request `number`, or undefined when there is none such. */
  headSha(number: number): Promise<string | undefined>;
  comments(number: number): ReportSink;
}

/** Models that an earlier workflow run uploaded (the candidate run of a merged pull request). */
export interface EarlierModels {
  /**
   * Downloads the model artifact of the pull request merged by this run's commit into `dir` and says
   * which it was and the model digest its run recorded (its comparison's candidate), or why there is
   * none to take. Only a run of the trusted candidate workflow on this repository counts.
   */
  fetchMergedPullRequestModel(pipeline: string, dir: string): Promise<{ pullRequest: number; files: string[]; recordedSha256: string; run: number } | { missing: string }>;
}

/** Where a model was built: the commit and that commit's time, never the clock; null when unknown. */
export interface Provenance {
  commit: string | null;
  createdAt: string | null;
}

/**
 * What a front door hands a step: the run's context (folders, commit, run address; steps never read
 * process.env) and the ports the step's spec declares. Ports are undefined when the step did not
 * declare them or the front door cannot build them here.
 */
export interface StepIO {
  /** The repository root (the git root, or GITHUB_WORKSPACE): every path in a pipeline is relative to it. */
  readonly root: string;
  /** Where paths typed by the user (flags, inputs) are resolved: the current folder. */
  readonly cwd: string;
  /** Replace existing files that mlops did not write (the CLI's --force). */
  readonly overwrite?: boolean | undefined;
  /** What makes artifact names unique within a workflow run (the job id); none outside Actions. */
  readonly scope?: string | undefined;
  /** The commit the run is about (a pull request's head, else the pushed commit), for artifact names. */
  readonly commit?: string | undefined;
  /** Where the front door has one: the Actions cache. */
  readonly cache?: ModelCache | undefined;
  /** Where the front door has one: Actions artifacts. */
  readonly artifacts?: ArtifactStore | undefined;
  /**
   * The champion lookup: the local registry (CLI) or GitHub releases (Actions). Undefined when there is
   * no way to look (no token): that is not the same as "no champion".
   */
  readonly champions?: ChampionStore | undefined;
  /** The registry that publish-model writes to (and compare reads through, as `champions`). */
  readonly registry?: Registry | undefined;
  /** GitHub Deployments, in Actions with a token; the CLI deploys without them. */
  readonly deployments?: DeploymentTracker | undefined;
  /** Attests the provenance of a published file (Actions, with id-token and attestations permissions). */
  readonly attest?: ((name: string, sha256: string) => Promise<void>) | undefined;
  /** Where drift-report keeps its summaries (and the site reads them). */
  readonly driftHistory?: DriftHistory | undefined;
  /** drift-report's issue, in Actions with a token. */
  readonly driftIssues?: DriftIssues | undefined;
  /** drift-report's retrain trigger, in Actions with a token. */
  readonly dispatcher?: WorkflowDispatcher | undefined;
  /** A folder for temporary files (the runner's temporary folder, else the system's). */
  readonly tmp: string;
  /** The commit the run builds from and its time (a CLI run never takes these from stray GITHUB_* variables). */
  provenance(): Promise<Provenance>;
  /** drift-report's log token when log-token is empty: MLOPS_LOG_TOKEN. */
  readonly logToken?: string | undefined;
  /** drift-report's pull of a server's request log (log-url). */
  readonly logPuller?: LogPuller | undefined;
  /** deploy's admin token when its input is empty: the MLOPS_ADMIN_TOKEN the front door was started with. */
  readonly adminToken?: string | undefined;
  /** This workflow run's web address, for links in reports. */
  readonly runUrl?: string | undefined;
  /** The pull request this run is for (its number and head commit), when there is one. */
  readonly pullRequest?: { number: number; headSha: string } | undefined;
  /** The run a workflow_run event is about: its head commit (post-comparison's check) and address. */
  readonly triggeringRun?: { headSha?: string | undefined; url?: string | undefined } | undefined;
  /** post-comparison's target: the pull requests of the repository, checked against the run's head commit. */
  readonly pullRequests?: PullRequestPoster | undefined;
  /** Where a model of an earlier run may be fetched from (train's reuse: pull-request). */
  readonly earlierModels?: EarlierModels | undefined;
  /** train's runner of a pipeline's own trainer command. */
  readonly trainer?: TrainerRunner | undefined;
  /** Where a pull request comment goes, when there is a pull request. */
  readonly comments?: ReportSink | undefined;
  info(message: string): void;
  warning(message: string): void;
  annotate(annotation: Annotation): void;
}

export interface StepResult<N extends StepName = StepName> {
  outputs: OutputsOf<N>;
  /** False when the step's verdict is negative (data failed validation, model failed its gate). */
  ok: boolean;
  /** Why, when not ok; the front door reports it. */
  failure?: string;
  /** Markdown for the job summary (and the terminal). */
  summary: string;
}

export type StepRunner<N extends StepName> = (inputs: InputsOf<N>, io: StepIO) => Promise<StepResult<N>>;

/** Runs a step by name with inputs the front door built from its spec (every declared input present). */
export type AnyStepRunner = (inputs: Readonly<Record<string, string>>, io: StepIO) => Promise<{ outputs: Record<string, string>; ok: boolean; failure?: string; summary: string }>;

// The deploy step: a published version goes to a serving endpoint. Its files are verified against the
// release's SHA256SUMS first; the endpoint (mlops serve) checks the digest again, smoke-tests the model
// and swaps it in atomically, so on any failure the old model keeps serving. The step then asks the
// endpoint's /version for the new digest. In Actions the deployment is recorded as a GitHub Deployment
// that always ends in success or failure, also when the step fails.
import { loadPipeline } from '../engine/config/pipeline.ts';
import { InputError, UserError } from '../engine/errors.ts';
import { sha256Hex } from '../engine/digest.ts';
import { modelFile, parseVersionArg, tagOf } from '../engine/registry/contract.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { optionalInput } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';

const TIMEOUT_MS = 120_000;

/** An address as it may be shown: credentials in it (https://user:secret@host) become ***. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@');
}

async function call(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new UserError(`${what}: ${redactUrl(url)} did not answer (${redactUrl((err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message)})`);
  }
}

async function errorOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    return String((JSON.parse(text) as { error?: unknown }).error ?? text).slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}

export async function deploy(inputs: InputsOf<'deploy'>, io: StepIO): Promise<StepResult<'deploy'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const registry = io.registry;
  if (!registry) throw new InputError('token', 'no token, so the release cannot be read; pass a token with contents: read');
  const base = (optionalInput(inputs, 'url') ?? '').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(base)) throw new InputError('url', `${JSON.stringify(redactUrl(inputs.url ?? ''))} is not an http(s) address`);
  // Where the address is shown (messages, the summary, outputs, the deployment record), without credentials.
  const shown = redactUrl(base);
  // fetch refuses an address with credentials; the admin token is what authenticates the delivery.
  const target = shown === base ? base : base.replace(/^([a-z]+:\/\/)[^/?#@]*@/i, '$1');
  if (target !== base) io.warning(`the url's credentials are not sent (shown as ${shown}); the endpoint authenticates the delivery by the admin token`);
  const adminToken = optionalInput(inputs, 'admin-token') ?? io.adminToken ?? '';
  if (!adminToken) throw new InputError('admin-token', 'is required (or the MLOPS_ADMIN_TOKEN environment variable): the endpoint takes a model only with its bearer token');
  const environment = optionalInput(inputs, 'environment');
  if (environment === undefined) throw new InputError('environment', 'is empty: name the deployment environment (the default is production)');

  const raw = optionalInput(inputs, 'version');
  let version: number;
  if (raw !== undefined) {
    const parsed = parseVersionArg(cfg.name, raw);
    if (parsed === undefined) throw new InputError('version', `${JSON.stringify(raw)} is not a version of "${cfg.name}" (write 3, v3 or ${cfg.name}-v3)`);
    version = parsed;
  } else {
    const champion = (await registry.versions(cfg.name)).at(-1);
    if (!champion) throw new UserError(`"${cfg.name}" has no published version in ${registry.where}; publish one first`);
    version = champion.version;
  }
  const tag = tagOf(cfg.name, version);
  // Verified before anything is sent: files() checks every file of the release against its SHA256SUMS.
  const model = modelFile(`${registry.where} ${tag}`, cfg.name, await registry.files(cfg.name, version));
  const sha = sha256Hex(model.bytes);

  const tracker = io.deployments;
  const id = tracker ? await tracker.start(tag, environment, { pipeline: cfg.name, version, model_sha256: sha }, `${cfg.name} v${version}`) : undefined;
  let state: 'success' | 'failure' = 'failure';
  let why = 'the step stopped before the model was delivered';
  try {
    if (tracker && id !== undefined) await tracker.status(id, 'in_progress', shown, `delivering ${tag}`);
    const put = await call(`${target}/admin/model`, { method: 'PUT', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/octet-stream', 'x-model-sha256': sha, 'x-model-version': `v${version}` }, body: model.bytes }, 'deploy');
    if (put.status !== 200) throw new UserError(`${shown}/admin/model refused ${tag} (HTTP ${put.status}: ${await errorOf(put)}); the endpoint keeps serving its old model`);
    const check = await call(`${target}/version`, {}, 'deploy');
    const served = check.status === 200 ? ((await check.json()) as { model_digest?: string }).model_digest : undefined;
    if (served !== `sha256:${sha}`) throw new UserError(`${shown}/version answers ${JSON.stringify(served ?? `HTTP ${check.status}`)}, not sha256:${sha}: the endpoint does not serve ${tag}`);
    state = 'success';
    why = `${tag} is served (sha256:${sha.slice(0, 12)}…)`;
  } catch (err) {
    why = (err as Error).message.slice(0, 140);
    throw err;
  } finally {
    if (tracker && id !== undefined) await tracker.status(id, state, shown, why);
  }
  return {
    ok: true,
    outputs: { 'deployment-id': id === undefined ? '' : String(id), version: String(version), url: shown, 'model-digest': `sha256:${sha}` },
    summary: `### deploy: ${escapeMarkdown(cfg.name)} v${version}\n\n${escapeMarkdown(tag)} (sha256 \`${sha}\`) is served at ${escapeMarkdown(shown, 300)}${id === undefined ? '' : `; deployment ${id} to ${escapeMarkdown(environment)}`}.\n`,
  };
}

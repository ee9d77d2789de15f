// GitHub's own contract for its REST API (@octokit/openapi), used by the fake GitHub to reject any
// request that the real API would not accept: an unknown route, a bad path or query parameter, or a
// body that does not match the operation's schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvModule, { type Ajv as AjvInstance, type Options, type ValidateFunction } from 'ajv';

// ajv is CommonJS: under ESM its class sits on the default export's `default`.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (opts: Options) => AjvInstance;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface MediaType {
  schema?: Record<string, unknown>;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}

interface Operation {
  operationId: string;
  parameters?: ({ $ref: string } | Parameter)[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses?: Record<string, { $ref?: string; content?: Record<string, MediaType> }>;
}

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  literalChars: number;
  methods: Record<string, Operation>;
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  params: Record<string, string>;
}

const BASE = 'https://openapi.invalid/github';

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${BASE}${v}` : rewriteRefs(v);
    // OpenAPI 3.0's nullable without a type (beside allOf, anyOf or $ref), which ajv refuses: null or the schema.
    // ajv applies nullable to the type but not to an enum: a nullable enum admits null too.
    if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.nullable === true && out.type === undefined) {
      const { nullable: _, ...rest } = out;
      return { anyOf: [rest, { type: 'null' }] };
    }
    return out;
  }
  return node;
}

export class OpenApiContract {
  private readonly routes: Route[];
  private readonly doc: { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
  private readonly ajv: AjvInstance;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly byId = new Map<string, Operation>();

  private constructor() {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    this.doc = JSON.parse(readFileSync(file, 'utf8'));
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, discriminator: false, validateSchema: false });
    this.ajv.addSchema(rewriteRefs({ $id: BASE, components: this.doc.components }) as object, undefined, undefined, false);
    this.routes = Object.entries(this.doc.paths).map(([template, methods]) => {
      const names: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      for (const op of Object.values(methods)) if (op && typeof op === 'object' && 'operationId' in op) this.byId.set(op.operationId, op);
      return { template, regex: new RegExp(`^${pattern}$`), names, literalChars: template.replace(/\{[^}]+\}/g, '').length, methods };
    });
  }

  private static instance: OpenApiContract | undefined;
  static load(): OpenApiContract {
    OpenApiContract.instance ??= new OpenApiContract();
    return OpenApiContract.instance;
  }

  private parameter(p: { $ref: string } | Parameter): Parameter {
    if ('$ref' in p) {
      const name = p.$ref.split('/').pop()!;
      return this.doc.components.parameters![name] as Parameter;
    }
    return p;
  }

  private validator(key: string, schema: Record<string, unknown>): ValidateFunction {
    const known = this.validators.get(key);
    if (known) return known;
    const compiled = this.ajv.compile(rewriteRefs(schema) as object);
    this.validators.set(key, compiled);
    return compiled;
  }

  /** Checks a request; returns the operation it matched and every violation found. */
  check(method: string, url: URL, body: unknown, contentType: string | undefined): { operation?: MatchedOperation; violations: string[] } {
    const m = method.toLowerCase();
    const candidates = this.routes
      .map((r) => ({ r, match: r.regex.exec(url.pathname) }))
      .filter((c): c is { r: Route; match: RegExpExecArray } => c.match !== null && c.r.methods[m] !== undefined)
      .sort((a, b) => b.r.literalChars - a.r.literalChars);
    const hit = candidates[0];
    if (!hit) return { violations: [`${method} ${url.pathname}: no such operation in GitHub's REST API`] };
    const op = hit.r.methods[m]!;
    const violations: string[] = [];
    const where = `${method} ${hit.r.template} (${op.operationId})`;
    const params: Record<string, string> = {};
    hit.r.names.forEach((name, i) => (params[name] = decodeURIComponent(hit.match[i + 1]!)));
    const declared = (op.parameters ?? []).map((p) => this.parameter(p));
    for (const p of declared) {
      const raw = p.in === 'path' ? params[p.name] : p.in === 'query' ? (url.searchParams.get(p.name) ?? undefined) : undefined;
      if (p.in !== 'path' && p.in !== 'query') continue;
      if (raw === undefined) {
        if (p.required) violations.push(`${where}: the ${p.in} parameter "${p.name}" is required`);
        continue;
      }
      const type = p.schema?.type;
      const value = type === 'integer' || type === 'number' ? (/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw) : type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
      const validate = this.validator(`${op.operationId}:param:${p.name}`, p.schema ?? {});
      if (!validate(value)) violations.push(`${where}: the ${p.in} parameter "${p.name}"=${JSON.stringify(raw)} ${this.ajv.errorsText(validate.errors)}`);
    }
    for (const name of url.searchParams.keys()) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) violations.push(`${where}: unknown query parameter "${name}"`);
    }
    const schema = op.requestBody?.content['application/json']?.schema;
    if (Buffer.isBuffer(body)) {
      // A binary body (a release asset upload): the operation must take one, of this content type.
      const types = Object.keys(op.requestBody?.content ?? {});
      if (!types.some((t) => t === contentType || t === '*/*' || t === 'application/octet-stream')) violations.push(`${where}: takes no ${contentType ?? 'binary'} body (it takes ${types.join(', ') || 'none'})`);
    } else if (body !== undefined) {
      if (!schema) violations.push(`${where}: takes no JSON body`);
      else {
        if (contentType && !contentType.includes('application/json')) violations.push(`${where}: the body must be application/json, not ${contentType}`);
        const validate = this.validator(`${op.operationId}:body`, schema);
        if (!validate(body)) violations.push(`${where}: the body ${this.ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
      }
    } else if (op.requestBody?.required) {
      violations.push(`${where}: a request body is required`);
    }
    return { operation: { operationId: op.operationId, template: hit.r.template, params }, violations };
  }

  private response(operationId: string, status: number): MediaType | undefined {
    const op = this.byId.get(operationId);
    let r = op?.responses?.[String(status)];
    if (r?.$ref) r = this.doc.components.responses![r.$ref.split('/').pop()!] as typeof r;
    return r?.content?.['application/json'];
  }

  /** Checks a JSON response body against the operation's schema for that status; returns the violations. */
  checkResponse(operationId: string, status: number, body: unknown): string[] {
    if (status < 200 || status >= 300 || body === undefined || Buffer.isBuffer(body)) return [];
    const media = this.response(operationId, status);
    if (!media?.schema) return this.byId.get(operationId)?.responses?.[String(status)] ? [] : [`${operationId}: GitHub never answers ${status}`];
    const validate = this.validator(`${operationId}:response:${status}`, media.schema);
    return validate(body) ? [] : [`${operationId}: the fake's ${status} response ${this.ajv.errorsText(validate.errors, { dataVar: 'response' })}`];
  }

  /** GitHub's own example response of an operation (the first item for a list): a realistic object to fake from. */
  example(operationId: string, status: number): Record<string, unknown> {
    const media = this.response(operationId, status);
    const ex = Object.values(media?.examples ?? {})[0];
    const value = ex?.$ref ? (this.doc.components.examples![ex.$ref.split('/').pop()!] as { value: unknown }).value : ex?.value;
    const item = Array.isArray(value) ? value[0] : value;
    if (!item || typeof item !== 'object') throw new Error(`no example response for ${operationId} ${status}`);
    return structuredClone(item) as Record<string, unknown>;
  }
}

// A small declarative schema for hand-written YAML files. Each key carries its description and default,
// so the same object validates a file, fills in defaults and documents the keys (README).
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError } from '../errors.ts';
import { quoteValue } from '../text/escape.ts';

export type Spec =
  | { kind: 'string'; pattern?: RegExp; hint?: string; oneOf?: readonly string[] }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean }
  | { kind: 'boolean' }
  | { kind: 'list'; items: Spec }
  | { kind: 'object'; fields: Record<string, Field> }
  | { kind: 'map'; values: Spec; keyHint?: string }
  | { kind: 'any-of'; specs: Spec[]; hint: string };

export interface Field {
  spec: Spec;
  description: string;
  required?: boolean;
  /** Shown in the README; filled in by the code that reads the value, not by the validator. */
  default?: string;
}

export interface KeyDoc {
  path: string;
  type: string;
  required: boolean;
  default: string;
  description: string;
}

function typeName(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return spec.oneOf ? spec.oneOf.map((v) => (v === '\t' ? '`\\t`' : v)).join(' \\| ') : 'string';
    case 'number':
      return spec.integer ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'list':
      return `list of ${typeName(spec.items)}`;
    case 'object':
      return 'mapping';
    case 'map':
      return `mapping of ${spec.keyHint ?? 'name'} to ${typeName(spec.values)}`;
    case 'any-of':
      return spec.hint;
  }
}

/** Flattens a spec into one row per key path, for documentation. */
export function documentSpec(fields: Record<string, Field>, prefix = ''): KeyDoc[] {
  const rows: KeyDoc[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    rows.push({
      path,
      type: typeName(field.spec),
      required: field.required === true,
      default: field.default ?? (field.required ? '' : '(none)'),
      description: field.description,
    });
    if (field.spec.kind === 'object') rows.push(...documentSpec(field.spec.fields, path));
  }
  return rows;
}

/** The most aliases a config may expand, and the deepest it may nest: configs are small and flat. */
export const MAX_YAML_ALIASES = 100;
export const MAX_YAML_DEPTH = 64;

function depthOf(node: unknown, limit: number): number {
  // Iterative, so that a hostile nesting cannot overflow the stack while it is measured.
  let deepest = 0;
  const stack: [unknown, number][] = [[node, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [n, d] = top;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push([isPair(item) ? item.value : item, d + 1]);
  }
  return deepest;
}

/** A parsed YAML file that can say on which line a key path sits. */
export class YamlSource {
  readonly file: string;
  readonly value: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  constructor(file: string, text: string) {
    this.file = file;
    this.lines = new LineCounter();
    try {
      this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    } catch (err) {
      if (err instanceof RangeError) throw new ConfigError(file, '', `nested more than ${MAX_YAML_DEPTH} levels deep; a config is never that deep`);
      throw new ConfigError(file, '', `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    }
    const first = this.doc.errors[0];
    if (first && /call stack/i.test(first.message)) throw new ConfigError(file, '', `nested more than ${MAX_YAML_DEPTH} levels deep; a config is never that deep`);
    if (first) {
      throw new ConfigError(file, '', `not valid YAML: ${first.message.split('\n')[0]}`, this.lines.linePos(first.pos[0]).line);
    }
    if (depthOf(this.doc.contents, MAX_YAML_DEPTH) > MAX_YAML_DEPTH) throw new ConfigError(file, '', `nested more than ${MAX_YAML_DEPTH} levels deep; a config is never that deep`);
    try {
      this.value = this.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (err) {
      // The yaml library refuses an alias bomb (a "billion laughs") here, before it expands.
      throw new ConfigError(file, '', `refused: ${(err as Error).message.split('\n')[0]} (at most ${MAX_YAML_ALIASES} alias expansions)`);
    }
  }

  lineOf(path: readonly (string | number)[]): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = (n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true)) as Node | null;
      if (node && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return undefined;
  }

  /** The line of a key itself (not of its value, which for a mapping starts on the next line). */
  keyLineOf(path: readonly (string | number)[]): number | undefined {
    const parent = path.length <= 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
      const key = pair?.key as Node | undefined;
      if (key?.range) return this.lines.linePos(key.range[0]).line;
    }
    return this.lineOf(path);
  }

  error(path: readonly (string | number)[], message: string): ConfigError {
    return new ConfigError(this.file, formatPath(path), message, this.lineOf(path));
  }

  /** An error about a key itself (an unknown key), located on the key's line. */
  keyError(path: readonly (string | number)[], message: string): ConfigError {
    return new ConfigError(this.file, formatPath(path), message, this.keyLineOf(path));
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quoteValue(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Checks `value` against `spec`, throwing a ConfigError that names the key path, the line and the value. */
export function check(src: YamlSource, spec: Spec, value: unknown, path: (string | number)[]): void {
  const fail = (msg: string): never => {
    throw src.error(path, msg);
  };
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') fail(`expected a string, got ${describe(value)}`);
      const s = value as string;
      if (spec.oneOf && !spec.oneOf.includes(s)) fail(`${quoteValue(s)} is not one of ${spec.oneOf.join(', ')}`);
      if (spec.pattern && !spec.pattern.test(s)) fail(`${quoteValue(s)} is not ${spec.hint ?? `of the form ${spec.pattern}`}`);
      return;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(`expected a number, got ${describe(value)}`);
      const n = value as number;
      if (spec.integer && !Number.isInteger(n)) fail(`expected a whole number, got ${n}`);
      if (spec.min !== undefined && (spec.exclusiveMin ? n <= spec.min : n < spec.min)) fail(`${n} is below the minimum ${spec.exclusiveMin ? '(exclusive) ' : ''}${spec.min}`);
      if (spec.max !== undefined && n > spec.max) fail(`${n} is above the maximum ${spec.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected true or false, got ${describe(value)}`);
      return;
    case 'list': {
      if (!Array.isArray(value)) fail(`expected a list, got ${describe(value)}`);
      (value as unknown[]).forEach((item, i) => check(src, spec.items, item, [...path, i]));
      return;
    }
    case 'any-of': {
      for (const option of spec.specs) {
        try {
          check(src, option, value, path);
          return;
        } catch {
          // try the next form
        }
      }
      fail(`expected ${spec.hint}, got ${describe(value)}`);
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`expected a mapping, got ${describe(value)}`);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) check(src, spec.values, v, [...path, k]);
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`expected a mapping, got ${describe(value)}`);
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        if (!Object.hasOwn(spec.fields, key)) {
          const known = Object.keys(spec.fields).join(', ');
          throw src.keyError([...path, key], `unknown key (known keys here: ${known})`);
        }
      }
      for (const [key, field] of Object.entries(spec.fields)) {
        const v = obj[key];
        if (v === undefined || v === null) {
          if (field.required) throw src.error(path.length ? path : [], `the key "${formatPath([...path, key])}" is required: ${field.description}`);
          continue;
        }
        check(src, field.spec, v, [...path, key]);
      }
      return;
    }
  }
}

// The shape the code keeps: layers (engine, steps, adapters, front doors) import only downward, with no
// cycle (type-only imports included); steps and the engine never read process.env; front doors never
// branch on a step's name; a step file stays short enough to read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { STEP_NAMES } from '../src/steps/specs.ts';

const SRC = path.resolve('src');
const files: string[] = [];
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
})(SRC);
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

const LAYERS = ['engine', 'steps', 'adapters', 'front doors'] as const;
/** serve/command.ts wires the server (a front door); the server itself is a step. */
function layerOf(file: string): number {
  const r = rel(file);
  if (r.startsWith('engine/')) return 0;
  if (r.startsWith('steps/')) return 1;
  if (r === 'serve/command.ts') return 3;
  if (r.startsWith('serve/')) return 1;
  if (r.startsWith('adapters/')) return 2;
  if (r.startsWith('front/') || r === 'index.ts') return 3;
  throw new Error(`${r} is in no layer: put it under engine/, steps/, adapters/ or front/`);
}

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm;
const graph = new Map<string, string[]>(
  files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => path.resolve(path.dirname(f), (m[1] ?? m[2] ?? m[3])!))]),
);

test('every import runs downward: engine, steps, adapters, front doors', () => {
  const upward: string[] = [];
  for (const [file, deps] of graph) for (const dep of deps) if (layerOf(dep) > layerOf(file)) upward.push(`${rel(file)} (${LAYERS[layerOf(file)]}) imports ${rel(dep)} (${LAYERS[layerOf(dep)]})`);
  expect(upward).toEqual([]);
});

/** Every cycle the depth-first walk meets, each as the files around it. */
export function cycles(g: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of g.get(n) ?? []) {
      if (state.get(d) === 'open') found.push(stack.slice(stack.indexOf(d)));
      else if (!state.has(d) && g.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of g.keys()) if (!state.has(n)) visit(n);
  return found;
}

test('no import cycle, type-only imports included', () => {
  expect(cycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
});

test('the cycle check finds a cycle (so an empty answer means something)', () => {
  expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
});

test('steps and the engine never read process.env: the front door hands them the run\'s context', () => {
  const readers = files.filter((f) => /^(steps|engine)\//.test(rel(f)) && /process\.env\b/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
  expect(readers.map(rel)).toEqual([]);
});

test('front doors never branch on a step\'s name: what a step needs is in its spec', () => {
  const branches = files
    .filter((f) => rel(f).startsWith('front/'))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
    .filter(([, , line]) => STEP_NAMES.some((step) => line.includes(`=== '${step}'`) || line.includes(`!== '${step}'`) || line.includes(`'${step}' ===`)))
    .map(([f, n, line]) => `${rel(f)}:${n}: ${line.trim()}`);
  expect(branches).toEqual([]);
});

test('a step file fits on a screen or two (at most 200 lines)', () => {
  // specs.ts is the declaration of every step's inputs and outputs, not a step.
  const long = files.filter((f) => rel(f).startsWith('steps/') && rel(f) !== 'steps/specs.ts').map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 200);
  expect(long).toEqual([]);
});

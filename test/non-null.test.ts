// noUncheckedIndexedAccess, kept honestly: a non-null assertion (`!`) appears in src/ only on an index
// into an array-like (an array, a tuple, a typed array, a Buffer, a string) by a number, where the loop
// or a check just before bounds the index and the checker cannot see it. Anything else that may be
// missing (an optional field, a Map's entry, a regex group, a pop) is narrowed or checked, with a
// message (src/engine/present.ts) rather than asserted.
import path from 'node:path';
import ts from 'typescript';

/** A regex's groups may not have matched, whatever the index: they are checked, never asserted. */
const MATCHES = new Set(['RegExpExecArray', 'RegExpMatchArray']);

/** Each `!` of the program's files under `root` that is not a numeric index into an array-like. */
function assertionsBeyondIndexing(program: ts.Program, root: string): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(root)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isNonNullExpression(node)) {
        const e = node.expression;
        let allowed = false;
        if (ts.isElementAccessExpression(e)) {
          const object = checker.getNonNullableType(checker.getTypeAtLocation(e.expression));
          const index = checker.getTypeAtLocation(e.argumentExpression);
          const arrayLike = (object.flags & ts.TypeFlags.StringLike) !== 0 || checker.isTupleType(object) || object.getNumberIndexType() !== undefined;
          allowed = (index.flags & ts.TypeFlags.NumberLike) !== 0 && arrayLike && !MATCHES.has(object.getSymbol()?.getName() ?? '');
        }
        if (!allowed) found.push(`${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

test('in src/, `!` is only ever an index into an array-like', () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.resolve('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
  if (!config) throw new Error('tsconfig.json could not be read');
  const src = path.resolve('src') + path.sep;
  const program = ts.createProgram(config.fileNames.filter((f) => path.resolve(f).startsWith(src)), config.options);
  expect(assertionsBeyondIndexing(program, src)).toEqual([]);
});

test('the check finds each kind it forbids, and passes the indexing it allows', () => {
  const file = path.resolve('virtual/sample.ts');
  const text = [
    'const xs: number[] = [1]; const t = new Float64Array(2); const b = Buffer.alloc(1); const s: string = "ab";',
    'export const ok = xs[0]! + t[1]! + b[0]! + s.charCodeAt(0) + s[1]!.length;',
    'const m = new Map<string, number>(); const r: Record<string, number> = {}; const o: { f?: number } = {};',
    'export const bad = [m.get("a")!, r["a"]!, o.f!, xs.pop()!, /(a)/.exec("a")![1]!];',
  ].join('\n');
  const host = ts.createCompilerHost({ strict: true, noUncheckedIndexedAccess: true, types: ['node'] });
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) => (path.resolve(name) === file ? ts.createSourceFile(name, text, lang) : read(name, lang));
  const program = ts.createProgram([file], { strict: true, noUncheckedIndexedAccess: true, types: ['node'] }, host);
  const found = assertionsBeyondIndexing(program, path.dirname(file) + path.sep);
  expect(found.map((f) => f.replace(/^sample\.ts:\d+: /, ''))).toEqual(['m.get("a")!', 'r["a"]!', 'o.f!', 'xs.pop()!', '/(a)/.exec("a")![1]!', '/(a)/.exec("a")!']);
});

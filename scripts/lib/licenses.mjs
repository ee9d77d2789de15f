// dist/licenses.txt: the license of every package the bundle carries. ncc's --license misses packages
// that the TypeScript sources import (ml-random-forest, yaml and ajv among them), so the list is also
// made from the sources' own imports and, transitively, their dependencies. Each entry is ncc's format:
// the package name, its license id, its license text, then a blank line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Package names that files under `dir` import (bare specifiers, node: builtins left out). */
export function importedPackages(dir) {
  const names = new Set();
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/(?:from|import\()\s*'([^.'][^']*)'/g)) {
        const spec = m[1];
        if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
  };
  walk(dir);
  return names;
}

/** The packages and all their dependencies, as installed under root/node_modules. */
export function withDependencies(root, names) {
  const seen = new Set();
  const queue = [...names];
  while (queue.length) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    queue.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}));
  }
  return seen;
}

function entryOf(root, name) {
  const dir = path.join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const id = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN');
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return `${name}\n${id}\n${file ? readFileSync(path.join(dir, file), 'utf8').trim() : ''}`;
}

/** ncc's licenses.txt with the missing packages added, every entry sorted by name. */
export function completeLicenses(root, nccText, sourceDir) {
  const entries = new Map();
  for (const block of nccText.split(/\n\n\n/)) {
    const name = block.trim().split('\n')[0];
    if (name) entries.set(name, block.trim());
  }
  for (const name of withDependencies(root, importedPackages(sourceDir))) if (!entries.has(name)) entries.set(name, entryOf(root, name));
  return `${[...entries.keys()].sort().map((n) => entries.get(n)).join('\n\n\n')}\n`;
}

// Writes the generated tables (the CLI, reusable workflows, pipeline keys, checks, steps) from the specs
// in src/ into README.md and docs/reference.md, between `<!-- generated:NAME -->` and
// `<!-- /generated:NAME -->`. `npm run docs` rewrites them; a test fails when a page is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_FIELDS } from '../src/engine/config/pipeline.ts';
import { documentSpec } from '../src/engine/config/spec.ts';
import { CHECKS } from '../src/engine/validation/checks-catalog.ts';
import { STEP_SPECS } from '../src/steps/specs.ts';
import { cliCommands } from '../src/front/cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The one place the suite's GitHub name is spelled out: package.json's repository. */
export const SUITE_REPO = /github\.com\/([^/]+\/[^/.]+)/.exec(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).repository.url)[1];

/** Each reusable workflow's reference, from its own file: inputs, secrets, outputs, and what each job may do. */
function workflowTables() {
  const dir = path.join(root, '.github/workflows');
  const out = [];
  for (const file of readdirSync(dir).filter((f) => /^mlops-.*\.yml$/.test(f)).sort()) {
    const doc = parse(readFileSync(path.join(dir, file), 'utf8'));
    const call = doc.on.workflow_call ?? {};
    out.push(`#### ${file}`, '', `\`uses: ${SUITE_REPO}/.github/workflows/${file}@v1\``, '');
    const inputs = Object.entries(call.inputs ?? {});
    if (inputs.length) {
      out.push('| Input | Type | Default | Meaning |', '|---|---|---|---|');
      for (const [k, v] of inputs) out.push(`| \`${k}\` | ${v.type} | ${v.required ? '(required)' : `\`${cell(JSON.stringify(v.default ?? ''))}\``} | ${cell(v.description ?? '')} |`);
      out.push('');
    }
    const secrets = Object.entries(call.secrets ?? {});
    if (secrets.length) {
      out.push('| Secret | Required | Meaning |', '|---|---|---|');
      for (const [k, v] of secrets) out.push(`| \`${k}\` | ${v.required ? 'yes' : 'no'} | ${cell(v.description ?? '')} |`);
      out.push('');
    }
    const outputs = Object.entries(call.outputs ?? {});
    if (outputs.length) {
      out.push('| Output | Meaning |', '|---|---|');
      for (const [k, v] of outputs) out.push(`| \`${k}\` | ${cell(v.description ?? '')} |`);
      out.push('');
    }
    out.push('| Job | Permissions it asks for (grant them in the calling job) |', '|---|---|');
    for (const [id, job] of Object.entries(doc.jobs)) out.push(`| \`${id}\` | ${Object.entries(job.permissions ?? {}).map(([k, v]) => `\`${k}: ${v}\``).join(', ')} |`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function sections() {
  const keys = ['| Key | Type | Required | Default | Meaning |', '|---|---|---|---|---|'];
  for (const k of documentSpec(PIPELINE_FIELDS)) keys.push(`| \`${k.path}\` | ${k.type} | ${k.required ? 'yes' : 'no'} | ${cell(k.default)} | ${cell(k.description)} |`);
  const checks = ['| Check | Default severity | What it checks |', '|---|---|---|'];
  for (const c of CHECKS) checks.push(`| \`${c.id}\` | ${c.severity} | ${cell(c.description)} |`);
  const actions = [];
  for (const s of STEP_SPECS) {
    actions.push(`### ${s.name}`, '', `${s.description} CLI: \`mlops ${s.name} ${s.inputs.filter((i) => i.required).map((i) => `--${i.name} …`).join(' ')}\``, '');
    actions.push('| Input | Required | Default | Meaning |', '|---|---|---|---|');
    for (const i of s.inputs) actions.push(`| \`${i.name}\` | ${i.required ? 'yes' : 'no'} | ${i.required ? '' : i.default ? `\`${cell(i.default)}\`` : '`""`'} | ${cell(i.description)} |`);
    actions.push('', '| Output | `--json` type | Meaning |', '|---|---|---|');
    for (const o of s.outputs) actions.push(`| \`${o.name}\` | ${o.type} | ${cell(o.description)} |`);
    actions.push('');
  }
  const cli = ['| Command | What it does |', '|---|---|', ...cliCommands().map((c) => `| \`${cell(c.usage)}\` | ${cell(c.what)} |`)];
  return { cli: cli.join('\n'), 'pipeline-keys': keys.join('\n'), checks: checks.join('\n'), actions: actions.join('\n').trimEnd(), workflows: workflowTables() };
}

/** The pages that hold generated tables, and which: the reference holds them all. */
export const GENERATED = { 'README.md': ['cli'], 'docs/reference.md': ['cli', 'workflows', 'pipeline-keys', 'checks', 'actions'] };

/** A page with its generated blocks rewritten from the specs; every block it must hold is there. */
export function render(text, page = 'docs/reference.md') {
  let out = text;
  const all = sections();
  for (const name of GENERATED[page] ?? []) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`${page} has no generated:${name} block`);
    out = out.replace(re, (_, open, close) => `${open}\n${all[name]}\n${close}`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const page of Object.keys(GENERATED)) {
    const file = path.join(root, page);
    writeFileSync(file, render(readFileSync(file, 'utf8'), page));
  }
  console.log(`regenerated the tables of ${Object.keys(GENERATED).join(' and ')}`);
}

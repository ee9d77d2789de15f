#!/usr/bin/env node
// The CLI's front door: the same committed bundle that the actions run. The bundle needs a Node.js
// release line still supported upstream (22 or later: fs.promises.glob, among others), so an older
// node is refused here, before the bundle is loaded, with the version found and the one needed.
const NEEDED = 22;
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= NEEDED)) {
  process.stderr.write(`mlops: Node.js ${NEEDED} or later is needed; this is Node.js ${process.versions.node} (${process.execPath}). Install a supported Node.js (22 or 24), or run mlops through npx in a project that depends on the npm package node@24.\n`);
  process.exit(2);
}
const { runCli } = await import('../dist/index.js');
process.exitCode = await runCli(process.argv.slice(2));

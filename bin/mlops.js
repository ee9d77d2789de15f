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
// serve gathers large request bodies in big short-lived buffers. glibc raises its mmap threshold as
// such buffers are freed, so the later ones come from the heap, whose freed middle is never given back:
// measured, a stream of 10 MB bodies left the server 190 MB above its idle size. A fixed threshold
// keeps every buffer of 128 KiB or more in its own mapping, returned when freed (13 MB above idle);
// socket reads (64 KiB) stay on the heap, so small requests pay no system call for it.
// The variable is read when the process starts, so serve starts itself again with it, in place (same
// pid, same stdio). A threshold the user set is kept; musl and other systems ignore the variable.
const TUNED = 'MALLOC_MMAP_THRESHOLD_';
if (process.argv[2] === 'serve' && process.platform === 'linux' && process.env[TUNED] === undefined && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], { ...process.env, [TUNED]: '131072' });
}
const { runCli } = await import('../dist/index.js');
process.exitCode = await runCli(process.argv.slice(2));

#!/usr/bin/env node
// The browser tests drive Debian's Chromium (test/support/browser.ts). This puts it on the machine when
// it is missing: with apt-get as root (CI, containers), else it says what to run. MLOPS_CHROMIUM names
// another binary, which is then used as it is.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const binary = process.env.MLOPS_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(binary)) process.exit(0);
if (process.env.MLOPS_CHROMIUM) {
  console.error(`ensure-chromium: MLOPS_CHROMIUM names ${binary}, which does not exist`);
  process.exit(1);
}
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
if (!root || !apt) {
  console.error(`ensure-chromium: the browser tests need Chromium at ${binary}. Install Debian's package (sudo apt-get install -y chromium), or set MLOPS_CHROMIUM to a Chromium binary.`);
  process.exit(1);
}
console.log('ensure-chromium: installing Debian\'s chromium for the browser tests (apt-get)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let run = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
if (run.status !== 0) {
  // A machine whose package lists were never fetched: fetch them once, then try again.
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  run = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
}
if (run.status !== 0 || !existsSync(binary)) {
  console.error('ensure-chromium: apt-get could not install chromium');
  process.exit(1);
}

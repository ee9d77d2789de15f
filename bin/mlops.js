#!/usr/bin/env node
// The CLI's front door: the same committed bundle that the actions run.
import { runCli } from '../dist/index.js';

process.exitCode = await runCli(process.argv.slice(2));

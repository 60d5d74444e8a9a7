#!/usr/bin/env node
// `cossistant-server`: the command a self-hoster runs (see `cossistant-server --help`).
import { runCli } from "./cli/run-cli.ts";

const code = await runCli(process.argv.slice(2));
// A failed command may leave database handles open (a refused pool, a half-started server):
// leave now rather than hang. Success lets pending output drain and `start` keep serving.
if (code !== 0) process.exit(code);

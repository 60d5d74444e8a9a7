// `npm start` in the repository: the server from its TypeScript sources, through the same code
// as the packaged `cossistant-server start`.
import { runCli } from "./cli/run-cli.ts";

const code = await runCli(["start"]);
if (code !== 0) process.exit(code);

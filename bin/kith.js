#!/usr/bin/env node
// The `kith` command. Node 24 runs the TypeScript source directly; npx puts the
// project's pinned Node 24 (node_modules/.bin/node) first on the PATH.
const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  console.error(`Kith needs Node 24 or later (this is Node ${process.versions.node}). Run it with npx kith …, which uses the project's Node 24.`);
  process.exit(1);
}
const { runCli } = await import("../src/cli.ts");
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

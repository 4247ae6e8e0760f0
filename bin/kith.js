#!/usr/bin/env node
// The `kith` command. Node 24 runs the TypeScript source directly; npx puts the
// project's pinned Node 24 (node_modules/.bin/node) first on the PATH.
const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  console.error(`Kith needs Node 24 or later (this is Node ${process.versions.node}). Run it with npx kith …, which uses the project's Node 24.`);
  process.exit(1);
}
const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
const argv = process.argv.slice(2);
// Compile cache and cached import resolution (src/module-loading.ts), before anything else loads.
const { speedUpModuleLoading } = await import("../src/module-loading.ts");
speedUpModuleLoading();
// A command that needs no database starts without loading the whole app (src/cli-quick.ts).
const { runQuickCommand } = await import("../src/cli-quick.ts");
const quick = await runQuickCommand(argv, io);
if (quick !== null) {
  process.exitCode = quick;
} else {
  const { runCli } = await import("../src/cli.ts");
  process.exitCode = await runCli(argv, io);
}

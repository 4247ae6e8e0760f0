// Builds Kith's stylesheet from GOV.UK Frontend's and MOJ Frontend's Sass (see styles/).
// The output is committed, and its first line records a hash of everything it was built
// from, so a start or an install rebuilds it only when a source or a package changed.
//   npm run build:css            rebuild if out of date
//   npm run build:css -- --check exit 1 if the committed file is not what the sources build
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../../..");
const stylesFolder = join(root, "styles");
const entry = join(stylesFolder, "kith-frontend.scss");
export const stylesheetFile = join(root, "src/platform/ui/assets/kith-frontend.css");
const packagesBuiltFrom = ["sass", "govuk-frontend", "@ministryofjustice/frontend"];

/** A hash of our Sass files and the versions of the packages the stylesheet is built from. */
export async function sourcesHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(stylesFolder)).filter((file) => file.endsWith(".scss")).sort()) {
    hash.update(name).update(await readFile(join(stylesFolder, name)));
  }
  for (const name of packagesBuiltFrom) {
    const manifest = JSON.parse(await readFile(join(root, "node_modules", name, "package.json"), "utf8"));
    hash.update(`${name}@${manifest.version}`);
  }
  return hash.digest("hex").slice(0, 16);
}

function headerLine(hash: string): string {
  return `/* Kith stylesheet built from styles/ by npm run build:css; sources ${hash}. Do not edit. */\n`;
}

/** Compiles the Sass to the stylesheet's exact text. */
export async function compileStylesheet(): Promise<string> {
  // Imported here so that a server whose stylesheet is current never loads the compiler.
  const sass = await import("sass");
  const result = await sass.compileAsync(entry, {
    loadPaths: [root],
    style: "compressed",
    // No byte-order mark: our header comment comes first, and a mark after it would break the first rule.
    charset: false,
    // MOJ Frontend still calls mixins GOV.UK Frontend deprecated; those warnings are theirs to fix.
    logger: sass.Logger.silent,
  });
  return `${headerLine(await sourcesHash())}${result.css}\n`;
}

async function builtHash(): Promise<string | undefined> {
  const text = await readFile(stylesheetFile, "utf8").catch(() => "");
  return /sources ([0-9a-f]{16})\./.exec(text.slice(0, 200))?.[1];
}

/** Rebuilds the stylesheet when it is missing or built from other sources; says whether it did. */
export async function ensureStylesheet(log: (message: string) => void = () => {}): Promise<boolean> {
  const built = await builtHash();
  if (built === (await sourcesHash())) return false;
  log("Building the stylesheet from styles/ (sources changed or output missing)…");
  try {
    await writeFile(stylesheetFile, await compileStylesheet());
  } catch (error) {
    // A server with a committed stylesheet still starts; only a missing one is fatal.
    if (built === undefined) throw error;
    log(`Could not rebuild the stylesheet, so the committed one is used: ${String(error)}`);
    return false;
  }
  return true;
}

if (import.meta.main) {
  if (process.argv.includes("--check")) {
    const current = (await readFile(stylesheetFile, "utf8").catch(() => "")) === (await compileStylesheet());
    console.log(
      current ? "The stylesheet is current." : "The stylesheet is out of date: run npm run build:css.",
    );
    process.exitCode = current ? 0 : 1;
  } else {
    const rebuilt = await ensureStylesheet(console.log);
    console.log(rebuilt ? `Stylesheet written to ${stylesheetFile}` : "The stylesheet is current.");
  }
}

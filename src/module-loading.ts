import { existsSync, lstatSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Resolved = { url: string; format?: string | null };

/**
 * Makes loading Kith's thousand-odd TypeScript files cheaper. Call it before the app is imported
 * (main.ts and bin/kith.js import the rest dynamically after it), never from a module the app imports.
 *
 * - Node's compile cache keeps the type-stripped source and V8's compiled code between runs
 *   (in the OS temp folder, or where NODE_COMPILE_CACHE says; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
 * - Node 24 works out each imported file's format from the package.json that governs it, and
 *   parses that package's whole "exports" map every time it does so. drizzle-orm's is 179 KB and
 *   the app resolves its files hundreds of times, which made resolving imports most of start-up.
 *   The hook below remembers what a package name resolved to and which format a file extension
 *   has, per package, so each package.json is read a few times instead of once per import.
 */
export function speedUpModuleLoading(): void {
  module.enableCompileCache();
  const packageNames = new Map<string, Resolved>();
  const formats = new Map<string, Resolved["format"]>();
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (!parent?.startsWith("file:") || !context.conditions.includes("import")) {
        return nextResolve(specifier, context);
      }
      const conditions = context.conditions.join();
      if (specifier.startsWith("./") || specifier.startsWith("../")) {
        const url = new URL(specifier, parent);
        const file = fileURLToPath(url);
        const extension = path.extname(file);
        // A file's format depends only on its extension and the package.json governing its folder.
        const key = `${closest(path.dirname(file), ["package.json"])}\0${extension}\0${conditions}`;
        // Only a plain file that exists takes the short cut: anything else gets Node's own answer and error.
        if (extension && formats.has(key) && lstatSync(file, { throwIfNoEntry: false })?.isFile()) {
          return { url: url.href, format: formats.get(key), shortCircuit: true };
        }
        const resolved = nextResolve(specifier, context);
        if (extension && resolved.url === url.href) formats.set(key, resolved.format);
        return resolved;
      }
      if (specifier.includes(":") || specifier.startsWith("/")) return nextResolve(specifier, context);
      // A package name (or #import) resolves alike from every file below the same package.json or
      // node_modules folder: Node's search looks at nothing in between.
      const from = closest(path.dirname(fileURLToPath(parent)), ["package.json", "node_modules"]);
      const key = `${from}\0${specifier}\0${conditions}`;
      const known = packageNames.get(key);
      if (known) return { ...known, shortCircuit: true };
      const resolved = nextResolve(specifier, context);
      packageNames.set(key, { url: resolved.url, format: resolved.format });
      return resolved;
    },
  });
}

const closestFolders = new Map<string, string>();

/** The nearest folder, from `folder` up, holding one of `names` (memoised: a few checks per folder). */
function closest(folder: string, names: string[]): string {
  const key = `${folder}\0${names.join()}`;
  let found = closestFolders.get(key);
  if (found === undefined) {
    const above = path.dirname(folder);
    const here = above === folder || names.some((name) => existsSync(path.join(folder, name)));
    found = here ? folder : closest(above, names);
    closestFolders.set(key, found);
  }
  return found;
}

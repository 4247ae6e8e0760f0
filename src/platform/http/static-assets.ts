import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";

/** The Content-Type of each file type the asset folders may serve. */
export const contentTypes: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

/**
 * Serves files at `prefix` from the first of `dirs` that has them; only known file types, never
 * outside a folder, and when `allow` is given only the paths it matches.
 */
export function serveFolder(app: Hono<AppEnv>, prefix: string, dirs: string[], allow?: RegExp): void {
  const roots = dirs.map((dir) => path.resolve(dir));
  app.get(`${prefix}/*`, async (c) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice(prefix.length + 1));
    } catch {
      return c.notFound();
    }
    if (allow && !allow.test(relative)) return c.notFound();
    for (const root of roots) {
      const file = path.resolve(root, relative);
      const type = contentTypes[path.extname(file)];
      if (!type || !file.startsWith(`${root}${path.sep}`)) return c.notFound();
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) continue;
      const body = await readFile(file);
      return c.body(body, 200, { "Content-Type": type, "Cache-Control": "public, max-age=86400" });
    }
    return c.notFound();
  });
}

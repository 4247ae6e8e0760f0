// A tiny static server for the browser tests: serves one page plus the asset
// folders the real server mounts, with Kith's strict CSP, on a random port.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { contentTypes } from "../http/static-assets.ts";
import { assetMounts } from "./asset-mounts.ts";

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export { assetMounts };

async function readAsset(pathname: string): Promise<Buffer | undefined> {
  for (const [prefix, folders, allow] of assetMounts) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    if (rest.startsWith("..") || (allow && !allow.test(rest))) return undefined;
    for (const folder of folders) {
      try {
        return await readFile(join(folder, rest));
      } catch {
        // try the next folder
      }
    }
  }
  return undefined;
}

export type TestServer = { url: string; missing: string[]; close: () => Promise<void> };

export async function startTestServer(page: () => string): Promise<TestServer> {
  const missing: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    if (pathname === "/") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page());
      return;
    }
    const body = await readAsset(pathname);
    if (!body) {
      missing.push(pathname);
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { "Content-Type": contentTypes[extname(pathname)] ?? "application/octet-stream" })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("test server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    missing,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

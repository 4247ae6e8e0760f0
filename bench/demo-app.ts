// The app as the page benches drive it: in process through app.request(), signed in as the
// demo manager through the real sign-in form (so the session and CSRF checks are the real ones).
import { createApp } from "../src/app.ts";
import { modules } from "../src/modules/registry.ts";
import { loadSigningSecret } from "../src/platform/auth/secret.ts";
import type { KithConfig } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { demoPassword } from "../src/seed/seed-demo.ts";

export async function benchApp(database: Database, config: KithConfig) {
  return createApp(
    {
      database,
      config,
      signingSecret: await loadSigningSecret(database.db),
      clock: () => new Date(),
      // app.request() has no socket: every request is this one client (sign-in is rate limited).
      addressWithoutSocket: "bench-client",
    },
    modules,
  );
}

/** Signs in as the demo manager and answers the session cookie to send with each request. */
export async function signInAsDemoManager(app: Awaited<ReturnType<typeof benchApp>>): Promise<string> {
  const page = await app.request("/sign-in");
  const cookies = page.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const response = await app.request("/sign-in", {
    method: "POST",
    headers: { cookie: cookies.join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "manager@demo.kith.example", password: demoPassword, _csrf: csrf }),
  });
  return [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

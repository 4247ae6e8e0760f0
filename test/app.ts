import type { Hono } from "hono";
import { createApp } from "../src/app.ts";
import { modules } from "../src/modules/registry.ts";
import type { Role } from "../src/platform/access/actor.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { allScopes, createApiToken } from "../src/platform/auth/api-tokens.ts";
import { loadSigningSecret } from "../src/platform/auth/secret.ts";
import { actorForUser, createUser } from "../src/platform/auth/users.ts";
import { type KithConfig, loadConfig } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { AppEnv, Services } from "../src/platform/http/app-env.ts";
import type { Logger } from "../src/platform/observability/logger.ts";
import type { WorkerHeartbeats } from "../src/platform/observability/readiness.ts";
import { testNow } from "./fixtures.ts";

export const testPassword = "correct horse battery staple";

/** Settings a test may change: configuration, abuse limits, the address of socketless requests. */
export type TestAppOptions = {
  config?: Partial<KithConfig>;
  limits?: Services["limits"];
  addressWithoutSocket?: string | undefined;
  logger?: Logger;
  workers?: WorkerHeartbeats;
};

export async function buildTestApp(
  database: Database,
  clock: () => Date = () => testNow,
  options: TestAppOptions = {},
): Promise<Hono<AppEnv>> {
  const config = {
    ...loadConfig({ ...process.env, DATABASE_URL: "" }),
    database: { kind: "pglite" as const, dataDir: "(test)" },
    maxUploadBytes: 1024 * 1024,
    ...options.config,
  };
  return createApp(
    {
      database,
      config,
      signingSecret: await loadSigningSecret(database.db),
      clock,
      logger: options.logger,
      workers: options.workers,
      // app.request() has no socket: every test request counts as this one client.
      addressWithoutSocket: "addressWithoutSocket" in options ? options.addressWithoutSocket : "test-client",
      limits: options.limits,
    },
    modules,
  );
}

export async function addUser(database: Database, organisationId: string, role: Role, email: string) {
  return createUser(database.db, systemActor(organisationId), testNow, {
    organisationId,
    email,
    name: `Test ${role}`,
    role,
    password: testPassword,
  });
}

/** A new user of this role and an API token of theirs with every scope (for API-wide tests). */
export async function userWithAllScopesToken(
  database: Database,
  organisationId: string,
  role: Role,
  email: string,
): Promise<string> {
  const user = await addUser(database, organisationId, role, email);
  return (
    await createApiToken(database.db, actorForUser(user), testNow, { name: "all scopes", scopes: allScopes })
  ).token;
}

/** A new user of this role, signed in on a browser of their own. */
export async function signedInUser(
  database: Database,
  app: Hono<AppEnv>,
  organisationId: string,
  role: Role,
  email: string,
): Promise<TestBrowser> {
  await addUser(database, organisationId, role, email);
  const browser = new TestBrowser(app);
  await browser.signIn(email);
  return browser;
}

/** A browser-like client: keeps cookies, reads the CSRF token from forms, posts forms. */
export class TestBrowser {
  readonly app: Hono<AppEnv>;
  readonly cookies = new Map<string, string>();
  constructor(app: Hono<AppEnv>) {
    this.app = app;
  }
  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private keep(response: Response): Response {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, value] = pair.split("=");
      if (/Max-Age=0/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  async get(path: string): Promise<Response> {
    return this.keep(await this.app.request(path, { headers: { cookie: this.cookieHeader() } }));
  }
  async csrfToken(path = "/sign-in"): Promise<string> {
    const page = await (await this.get(path)).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(page);
    if (!match) throw new Error(`No CSRF token on ${path}`);
    return match[1];
  }
  async post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string | null } = {},
  ): Promise<Response> {
    const token = options.csrf === undefined ? await this.csrfToken() : options.csrf;
    const body = new URLSearchParams({ ...fields, ...(token ? { _csrf: token } : {}) });
    return this.keep(
      await this.app.request(path, {
        method: "POST",
        body,
        headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      }),
    );
  }
  async signIn(email: string, password = testPassword): Promise<Response> {
    return this.post("/sign-in", { email, password });
  }
}

import type { Hono } from "hono";
import { createApp } from "../../app.ts";
import { type Role, systemActor } from "../../platform/access/actor.ts";
import { createSession } from "../../platform/auth/sessions.ts";
import { createUser } from "../../platform/auth/users.ts";
import { loadConfig } from "../../platform/config/config.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../../platform/http/app-env.ts";
import { csrfTokenFor } from "../../platform/http/csrf.ts";
import type { KithModule } from "../module.ts";

// An app over a test database, with signed-in browsers for each role (session and CSRF
// cookies), for HTTP-level tests of this module's pages. test/app.ts is not on main yet.

export type Browser = {
  get: (path: string) => Promise<Response>;
  post: (path: string, form: Record<string, string | string[]>) => Promise<Response>;
};

let users = 0;
const secret = "test-signing-secret-volunteering-0123456789";

export function testApp(database: Database, modules: KithModule[], now: Date): Hono<AppEnv> {
  return createApp({ database, config: loadConfig(), signingSecret: secret, clock: () => now }, modules);
}

export function browserFor(app: Hono<AppEnv>, sessionToken: string | null): Browser {
  const csrfKey = "browser-key-abcdefghijklmnopqrstuvwxyz";
  const cookie = `kith_csrf=${csrfKey}${sessionToken ? `; kith_session=${sessionToken}` : ""}`;
  return {
    get: (path) => Promise.resolve(app.request(path, { headers: { cookie } })),
    post: (path, form) => {
      const body = new URLSearchParams();
      body.append(
        "_csrf",
        csrfTokenFor(secret, sessionToken ? { session: sessionToken } : { browserKey: csrfKey }),
      );
      for (const [key, value] of Object.entries(form))
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
      return Promise.resolve(
        app.request(path, {
          method: "POST",
          body,
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        }),
      );
    },
  };
}

export async function signedIn(
  app: Hono<AppEnv>,
  database: Database,
  organisationId: string,
  role: Role,
  now: Date,
  email = `${role}-${++users}@example.org`,
) {
  const user = await createUser(database.db, systemActor(organisationId), now, {
    organisationId,
    email,
    name: `Test ${role}`,
    role,
    password: "correct horse battery staple",
  });
  return { user, browser: browserFor(app, await createSession(database.db, user, now)) };
}

import type { Hono } from "hono";
import { createApp } from "../../../app.ts";
import { type Role, systemActor } from "../../../platform/access/actor.ts";
import { createSession } from "../../../platform/auth/sessions.ts";
import { createUser } from "../../../platform/auth/users.ts";
import { loadConfig } from "../../../platform/config/config.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { KithModule } from "../../module.ts";

// Test support for page tests: the real app, and a browser-like client that keeps
// cookies, sends the form's CSRF token and does not follow redirects.

export function testApp(database: Database, modules: KithModule[], clock: () => Date): Hono<AppEnv> {
  return createApp(
    {
      database,
      config: loadConfig(),
      signingSecret: "test-signing-secret",
      clock,
      addressWithoutSocket: "test-client",
    },
    modules,
  );
}

export type Page = { status: number; location: string | null; body: string };

export class TestBrowser {
  private cookies = new Map<string, string>();
  private csrf = "";
  private readonly app: Hono<AppEnv>;
  constructor(app: Hono<AppEnv>) {
    this.app = app;
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private async send(path: string, init: RequestInit): Promise<Page> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await this.app.request(path, { ...init, headers: { ...(init.headers ?? {}), cookie } });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get("location"), body };
  }

  get(path: string): Promise<Page> {
    return this.send(path, { method: "GET" });
  }

  /** A multipart form (file uploads); the browser sets the boundary. */
  postMultipart(path: string, form: FormData): Promise<Page> {
    form.append("_csrf", this.csrf);
    return this.send(path, { method: "POST", body: form });
  }

  post(path: string, fields: Record<string, string | string[]>): Promise<Page> {
    const form = new URLSearchParams();
    form.append("_csrf", this.csrf);
    for (const [key, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    return this.send(path, {
      method: "POST",
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }
}

/** A signed-in browser for a new user with this role. */
export async function signedInBrowser(
  app: Hono<AppEnv>,
  database: Database,
  organisationId: string,
  role: Role,
  now: Date,
  extra: { partnerOrganisationId?: string | null } = {},
): Promise<TestBrowser> {
  const user = await createUser(database.db, systemActor(organisationId), now, {
    organisationId,
    email: `${role}-${newId().slice(-12)}@example.org`,
    name: `Test ${role}`,
    role,
    password: "a-long-test-password",
    ...extra,
  });
  const browser = new TestBrowser(app);
  browser.setCookie("kith_session", await createSession(database.db, user, now));
  await browser.get("/account");
  return browser;
}

/** Text of the page without tags, for assertions on what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestAppOptions } from "../../../test/app.ts";
import { openTestDatabase } from "../../../test/database.ts";
import type { Database } from "../db/database.ts";
import { clientAddressFrom, TrustedProxies } from "./client-address.ts";

describe("the client address", () => {
  const none = new TrustedProxies([]);
  const proxies = new TrustedProxies(["10.0.0.0/8", "192.0.2.1", "fd00::/8"]);

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddressFrom("::ffff:203.0.113.5", undefined, none)).toBe("203.0.113.5");
  });

  it("is read from the right of X-Forwarded-For, skipping trusted proxies, when the peer is a trusted proxy", () => {
    expect(clientAddressFrom("10.1.2.3", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The left entry was written by the client; the proxy appended what it really saw.
    expect(clientAddressFrom("10.1.2.3", "6.6.6.6, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientAddressFrom("192.0.2.1", "198.51.100.1, 10.9.9.9", proxies)).toBe("198.51.100.1");
    expect(clientAddressFrom("fd00::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
    expect(clientAddressFrom("10.1.2.3", undefined, proxies)).toBe("10.1.2.3");
  });

  it("stops at a hop that is not an address", () => {
    expect(clientAddressFrom("10.1.2.3", "198.51.100.1, junk", proxies)).toBe("10.1.2.3");
    expect(clientAddressFrom("10.1.2.3", "junk, 10.0.0.9", proxies)).toBe("10.0.0.9");
  });
});

// Issue 18 finding 3: the limit was keyed on the client's own X-Forwarded-For.
describe("per-address limits behind a real socket", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  const limits = {
    "password-reset": { max: 2, windowMs: 15 * 60_000 },
    "password-reset-email": { max: 100, windowMs: 15 * 60_000 },
  };

  async function withServer(options: TestAppOptions, work: (base: string) => Promise<void>) {
    const app = await buildTestApp(database, undefined, { ...options, limits });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async function askForReset(base: string, forwardedFor: string, n: number): Promise<Response> {
    const form = await fetch(`${base}/forgot-password`);
    const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    return fetch(`${base}/forgot-password`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": forwardedFor,
      },
      body: new URLSearchParams({ _csrf: token, email: `someone${n}@example.org` }),
    });
  }

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", async () => {
    await withServer({ addressWithoutSocket: undefined }, async (base) => {
      expect((await askForReset(base, "198.51.100.1", 1)).status).toBe(200);
      expect((await askForReset(base, "198.51.100.2", 2)).status).toBe(200);
      const limited = await askForReset(base, "198.51.100.3", 3);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.text()).toContain("too many password reset requests");
    });
  });

  it("believes a trusted proxy, so one client's limit never stops another", async () => {
    await withServer({ config: { trustedProxies: ["127.0.0.1", "::1"] } }, async (base) => {
      expect((await askForReset(base, "198.51.100.10", 1)).status).toBe(200);
      expect((await askForReset(base, "198.51.100.10", 2)).status).toBe(200);
      expect((await askForReset(base, "198.51.100.10", 3)).status).toBe(429);
      // A forged left-hand entry does not move the client into another bucket.
      expect((await askForReset(base, "203.0.113.99, 198.51.100.10", 4)).status).toBe(429);
      expect((await askForReset(base, "198.51.100.11", 5)).status).toBe(200);
    });
  });

  it("refuses a socketless request with a 400 rather than putting everyone in one bucket", async () => {
    const app = await buildTestApp(database, undefined, { addressWithoutSocket: undefined });
    const form = await app.request("/forgot-password");
    const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    const refused = await app.request("/forgot-password", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: token, email: "a@example.org" }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("could not tell where this request came from");
  });
});

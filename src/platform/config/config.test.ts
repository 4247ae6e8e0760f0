import { describe, expect, it } from "vitest";
import { ConfigError, type KithConfig, loadConfig } from "./config.ts";
import { assertProductionReady, productionProblems } from "./production.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const productionEnv = {
  KITH_ENV: "production",
  KITH_SECRET: "s".repeat(40),
  KITH_SMTP_URL: "smtps://kith:pw@mail.example.org:465",
  KITH_MAIL_FROM: "Weald Homes <no-reply@weald.example.org>",
  KITH_PUBLIC_URL: "https://kith.weald.example.org/",
};

describe("configuration", () => {
  it("names the variable, the rule and the value for a pool size that is not a number", () => {
    expect(problemsOf({ DATABASE_URL: "postgres://db/kith", KITH_PG_POOL: "abc" })).toEqual([
      'KITH_PG_POOL must be a whole number from 1 to 100, got "abc"',
    ]);
  });

  it("refuses an SMTP URL that cannot be parsed, or that is not smtp or smtps", () => {
    expect(problemsOf({ KITH_SMTP_URL: "mail server" })[0]).toMatch(
      /^KITH_SMTP_URL must be a URL like smtps:\/\/.* got "mail server"$/,
    );
    expect(problemsOf({ KITH_SMTP_URL: "http://mail.example.org" })).toHaveLength(1);
    expect(loadConfig({ KITH_SMTP_URL: "smtp://localhost:2525" }).smtpUrl).toBe("smtp://localhost:2525");
  });

  it("lists every bad value at once rather than stopping at the first", () => {
    const problems = problemsOf({
      PORT: "70000",
      KITH_PG_POOL: "0",
      KITH_ENV: "staging",
      KITH_SEED_DEMO: "maybe",
      KITH_PUBLIC_URL: "/kith",
      KITH_TRUSTED_PROXIES: "10.0.0.0/8, not-an-ip",
      KITH_LOG_LEVEL: "loud",
      KITH_MAIL_FROM: "nobody",
      KITH_SECRET: "short",
      KITH_METRICS_TOKEN: "abc",
      KITH_MAX_UPLOAD_BYTES: "1.5",
      KITH_SHUTDOWN_TIMEOUT_MS: "-1",
      DATABASE_URL: "mysql://db/kith",
    });
    expect(problems.map((problem) => problem.split(" ")[0]).sort()).toEqual(
      [
        "DATABASE_URL",
        "KITH_ENV",
        "KITH_LOG_LEVEL",
        "KITH_MAIL_FROM",
        "KITH_MAX_UPLOAD_BYTES",
        "KITH_METRICS_TOKEN",
        "KITH_PG_POOL",
        "KITH_PUBLIC_URL",
        "KITH_SECRET",
        "KITH_SEED_DEMO",
        "KITH_SHUTDOWN_TIMEOUT_MS",
        "KITH_TRUSTED_PROXIES",
        "PORT",
      ].sort(),
    );
    expect(problems).toContain('KITH_ENV must be one of development, production, test, got "staging"');
    expect(problems).toContain('KITH_SEED_DEMO must be true or false, got "maybe"');
  });

  it("puts every problem in the error message, one per line", () => {
    expect(() => loadConfig({ KITH_PG_POOL: "abc", PORT: "x" })).toThrow(
      [
        "Kith cannot start: fix these settings:",
        '  - KITH_PG_POOL must be a whole number from 1 to 100, got "abc"',
        '  - PORT must be a whole number from 0 to 65535, got "x"',
      ].join("\n"),
    );
  });

  it("reads good values and applies the documented defaults", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://kith@db:5432/kith",
      KITH_PG_POOL: "25",
      KITH_TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.4 ,::1",
      KITH_PUBLIC_URL: "https://kith.example.org/",
      KITH_ENV: "development",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://kith@db:5432/kith", poolSize: 25 });
    expect(config.trustedProxies).toEqual(["10.0.0.0/8", "192.168.1.4", "::1"]);
    expect(config.publicUrl).toBe("https://kith.example.org");
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      seedDemo: true,
      secureCookies: false,
      logLevel: "info",
      shutdownTimeoutMs: 10_000,
      maxUploadBytes: 50 * 1024 * 1024,
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "", KITH_ENV: "development" }).database.kind).toBe("pglite");
  });

  it("is quiet under the test runner and in KITH_ENV=test", () => {
    expect(loadConfig({ VITEST: "true" }).logLevel).toBe("silent");
    expect(loadConfig({ KITH_ENV: "test" }).env).toBe("test");
    expect(loadConfig({ VITEST: "true", KITH_LOG_LEVEL: "debug" }).logLevel).toBe("debug");
  });
});

describe("production settings", () => {
  const production = (extra: Record<string, string> = {}): KithConfig =>
    loadConfig({ ...productionEnv, ...extra });

  it("accepts a complete production configuration, with secure cookies and no demo seed by default", () => {
    const config = production();
    expect(productionProblems(config)).toEqual([]);
    expect(config.secureCookies).toBe(true);
    expect(config.seedDemo).toBe(false);
  });

  it("names each missing setting in one refusal", () => {
    const config = loadConfig({ KITH_ENV: "production" });
    const problems = productionProblems(config);
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "KITH_SECRET",
      "KITH_SMTP_URL",
      "KITH_MAIL_FROM",
      "KITH_PUBLIC_URL",
    ]);
    expect(() => assertProductionReady(config)).toThrow(/KITH_ENV=production.*\n.*KITH_SECRET/);
  });

  it("refuses the demo seed when it is asked for", () => {
    expect(productionProblems(production({ KITH_SEED_DEMO: "true" }))).toEqual([
      "KITH_SEED_DEMO=true is not allowed in production: the demo accounts share a published password",
    ]);
  });

  it("refuses cookies without the Secure flag", () => {
    expect(productionProblems(production({ KITH_SECURE_COOKIES: "false" }))[0]).toMatch(
      /^KITH_SECURE_COOKIES must not be false/,
    );
  });

  it("refuses a public address without TLS", () => {
    expect(productionProblems(production({ KITH_PUBLIC_URL: "http://kith.example.org" }))[0]).toMatch(
      /^KITH_PUBLIC_URL must start with https:\/\//,
    );
  });

  it("refuses a non-local bind address unless the proxy in front is named", () => {
    expect(productionProblems(production({ HOST: "0.0.0.0" }))[0]).toMatch(/^HOST is "0.0.0.0"/);
    expect(productionProblems(production({ HOST: "0.0.0.0", KITH_TRUSTED_PROXIES: "10.1.0.5" }))).toEqual([]);
    expect(productionProblems(production({ HOST: "::1" }))).toEqual([]);
  });

  it("counts NODE_ENV=production as production when KITH_ENV is not set", () => {
    expect(loadConfig({ NODE_ENV: "production" }).env).toBe("production");
    expect(loadConfig({ NODE_ENV: "production", KITH_ENV: "development" }).env).toBe("development");
  });

  it("checks nothing outside production", () => {
    expect(productionProblems(loadConfig({ KITH_ENV: "development", HOST: "0.0.0.0" }))).toEqual([]);
  });
});

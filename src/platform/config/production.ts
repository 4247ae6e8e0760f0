import { ConfigError, type KithConfig } from "./config.ts";

export const demoEmailDomain = "demo.kith.example";

const loopbackHosts = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * What a production server must have before it opens a port. Kith sits behind a TLS
 * reverse proxy: it needs its own signing key, a way to send mail, Secure cookies and
 * the public https address; it listens on loopback unless the operator names the
 * proxies in front of it (a proxy on another machine needs a non-local bind).
 */
export function productionProblems(config: KithConfig): string[] {
  if (config.env !== "production") return [];
  const problems: string[] = [];
  if (!config.secret) {
    problems.push(
      "KITH_SECRET is required in production: a key of at least 32 characters (openssl rand -hex 32)",
    );
  }
  if (!config.smtpUrl) {
    problems.push(
      "KITH_SMTP_URL is required in production, or password reset links and voting codes never arrive",
    );
  }
  if (!config.mailFrom)
    problems.push("KITH_MAIL_FROM is required in production: the address mail is sent from");
  if (!config.secureCookies) {
    problems.push(
      "KITH_SECURE_COOKIES must not be false in production: sign-in cookies would travel without TLS",
    );
  }
  if (!config.publicUrl) {
    problems.push("KITH_PUBLIC_URL is required in production: the https address residents use");
  } else if (!config.publicUrl.startsWith("https://")) {
    problems.push(`KITH_PUBLIC_URL must start with https:// in production, got "${config.publicUrl}"`);
  }
  if (!loopbackHosts.has(config.host) && config.trustedProxies.length === 0) {
    problems.push(
      `HOST is "${config.host}", which is reachable from other machines: in production listen on 127.0.0.1 behind the reverse proxy, or name that proxy in KITH_TRUSTED_PROXIES`,
    );
  }
  if (config.seedDemo) {
    problems.push(
      "KITH_SEED_DEMO=true is not allowed in production: the demo accounts share a published password",
    );
  }
  return problems;
}

/** Throws one ConfigError naming every production problem, before anything is opened or started. */
export function assertProductionReady(config: KithConfig): void {
  const problems = productionProblems(config);
  if (problems.length > 0) {
    throw new ConfigError(
      problems,
      "Kith will not start in production (KITH_ENV=production) until these are fixed",
    );
  }
}

/**
 * The README publishes the demo password, so a production database holding any demo
 * account would let anyone in. The server refuses to start rather than delete data.
 */
export async function assertNoDemoAccounts(
  config: KithConfig,
  database: { query<Row>(sql: string, params?: unknown[]): Promise<Row[]> },
): Promise<void> {
  if (config.env !== "production") return;
  const rows = await database.query<{ email: string }>(
    "SELECT email FROM app_user WHERE lower(email) LIKE $1 ORDER BY email LIMIT 20",
    [`%@${demoEmailDomain}`],
  );
  if (rows.length > 0) {
    throw new ConfigError(
      [
        `the database holds demo accounts (${rows.map((row) => row.email).join(", ")}), whose password is published. Use a database without the demo organisation, or delete these accounts, before starting in production`,
      ],
      "Kith will not start in production (KITH_ENV=production)",
    );
  }
}

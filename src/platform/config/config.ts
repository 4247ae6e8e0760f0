import path from "node:path";

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export type KithConfig = {
  database: DatabaseConfig;
  port: number;
  host: string;
  /** Seed demo data when the database is created for the first time. */
  seedDemo: boolean;
  /** Cookies get the Secure flag; on by default in production. */
  secureCookies: boolean;
  /** Where the reference CSVs (deprivation, local authorities) live. */
  referenceDir: string;
  /** Largest upload we accept, in bytes. */
  maxUploadBytes: number;
  /** KITH_SMTP_URL, e.g. smtp://user:password@mail.example.org:587; undefined sends no mail. */
  smtpUrl: string | undefined;
  /** KITH_MAIL_FROM: the sender address used when an organisation has not set its own. */
  mailFrom: string;
  /** No SMTP outside production: mail is kept and shown on the demo's mail preview page. */
  mailPreview: boolean;
};

export class ConfigError extends Error {}

const projectRoot = path.resolve(import.meta.dirname, "../../..");

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

function parseDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL is not a URL. Use postgres://user@host:5432/database.");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//).`);
  }
  return raw;
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const example =
    "Use smtp://user:password@mail.example.org:587 or smtps://user:password@mail.example.org:465.";
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`KITH_SMTP_URL is not a URL. ${example}`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new ConfigError(
      `KITH_SMTP_URL must start with smtp:// or smtps:// (it starts with ${url.protocol}//). ${example}`,
    );
  }
  if (!url.hostname) throw new ConfigError(`KITH_SMTP_URL has no host name. ${example}`);
  return raw.trim();
}

function parseMailFrom(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === "") return "no-reply@kith.invalid";
  // A bare address: the display name comes from each organisation.
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(raw.trim())) {
    throw new ConfigError(
      `KITH_MAIL_FROM must be an email address such as no-reply@example.org, not "${raw}".`,
    );
  }
  return raw.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): KithConfig {
  const url = env.DATABASE_URL?.trim();
  const database: DatabaseConfig = url
    ? { kind: "postgres", url: parseDatabaseUrl(url) }
    : {
        kind: "pglite",
        dataDir: path.resolve(env.KITH_DATA_DIR ?? path.join(projectRoot, "data", "pglite")),
      };
  const smtpUrl = parseSmtpUrl(env.KITH_SMTP_URL);
  return {
    database,
    port: parsePort(env.PORT),
    host: env.HOST ?? "127.0.0.1",
    seedDemo: env.KITH_SEED_DEMO !== "false",
    secureCookies: env.KITH_SECURE_COOKIES
      ? env.KITH_SECURE_COOKIES === "true"
      : env.NODE_ENV === "production",
    referenceDir: path.resolve(env.KITH_REFERENCE_DIR ?? path.join(projectRoot, "reference")),
    maxUploadBytes: Number(env.KITH_MAX_UPLOAD_BYTES ?? 50 * 1024 * 1024),
    smtpUrl,
    mailFrom: parseMailFrom(env.KITH_MAIL_FROM),
    mailPreview: smtpUrl === undefined && env.KITH_ENV !== "production",
  };
}

export { projectRoot };

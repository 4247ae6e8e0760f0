import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string /** Connections per process (KITH_PG_POOL). */; poolSize: number };

export const kithEnvironments = ["development", "production", "test"] as const;
export type KithEnvironment = (typeof kithEnvironments)[number];
export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

export type KithConfig = {
  database: DatabaseConfig;
  /** KITH_ENV: production turns on the start-up safety checks (production.ts). */
  env: KithEnvironment;
  port: number;
  host: string;
  /** Seed demo data when the database is created for the first time. Never in production. */
  seedDemo: boolean;
  /** Cookies get the Secure flag; on by default in production. */
  secureCookies: boolean;
  /** Where the reference CSVs (deprivation, local authorities) live. */
  referenceDir: string;
  /** Largest upload we accept, in bytes. */
  maxUploadBytes: number;
  /** KITH_SECRET, when the operator manages the signing key; otherwise it is generated and kept in the database. */
  secret: string | undefined;
  /**
   * Where residents reach this service, e.g. https://kith.example.org, with no trailing slash. Every
   * absolute link in mail and documents starts with it, never with the request's Host header.
   * Outside production it defaults to http://localhost:PORT; in production it must be set ("" until then).
   */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** Addresses (IPs or CIDR ranges) of reverse proxies whose X-Forwarded-For we believe. */
  trustedProxies: string[];
  /** Bearer token that /metrics asks for; without it /metrics is off. */
  metricsToken: string | undefined;
  logLevel: LogLevel;
  /** How long a stopping server waits for in-flight requests and the running job. */
  shutdownTimeoutMs: number;
  /** KITH_COMMIT: the deployed commit, shown at /info (otherwise read from git when available). */
  commit: string | undefined;
  /** No SMTP outside production: mail is kept and shown on the demo's mail preview page. */
  mailPreview: boolean;
  /**
   * KITH_MAIL_PREVIEW=on: the preview answers any client, for a shared demo whose mail is all
   * made up. Otherwise only a client on this machine (loopback) may read it (decision 0009).
   */
  mailPreviewAnywhere: boolean;
  /**
   * GOV.UK's font, crown, favicons and name: only for a service on GOV.UK (KITH_GOVUK_BRAND=true).
   * Off by default, because services not on GOV.UK must not use GOV.UK's brand.
   */
  govukBrand?: boolean;
};

/** The sender address when neither KITH_MAIL_FROM nor the organisation names one (the demo sends nothing). */
export const fallbackSender = "no-reply@kith.invalid";

/** Every bad setting at once, one line each, so an operator fixes them in one go. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[], heading = "Kith cannot start: fix these settings") {
    super(`${heading}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.problems = problems;
  }
}

const projectRoot = path.resolve(import.meta.dirname, "../../..");

type Env = Record<string, string | undefined>;

const got = (value: unknown) => `got "${String(value)}"`;

function wholeNumber(name: string, min: number, max: number) {
  return z.string().refine((raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max, {
    error: (issue) => `${name} must be a whole number from ${min} to ${max}, ${got(issue.input)}`,
  });
}

function flag(name: string) {
  return z.string().refine((raw) => ["true", "false", "1", "0"].includes(raw.toLowerCase()), {
    error: (issue) => `${name} must be true or false, ${got(issue.input)}`,
  });
}

function url(name: string, protocols: string[], example: string) {
  return z.string().refine(
    (raw) => {
      if (!URL.canParse(raw)) return false;
      const parsed = new URL(raw);
      return protocols.includes(parsed.protocol) && parsed.hostname !== "";
    },
    { error: (issue) => `${name} must be a URL like ${example}, ${got(issue.input)}` },
  );
}

function oneOf(name: string, values: readonly string[]) {
  return z.string().refine((raw) => values.includes(raw), {
    error: (issue) => `${name} must be one of ${values.join(", ")}, ${got(issue.input)}`,
  });
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

// A bare address, or "Name <address>": what nodemailer accepts as a sender.
const mailbox = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/;

const settings = {
  DATABASE_URL: url("DATABASE_URL", ["postgres:", "postgresql:"], "postgres://user@host:5432/database"),
  KITH_PG_POOL: wholeNumber("KITH_PG_POOL", 1, 100),
  PORT: wholeNumber("PORT", 0, 65535),
  KITH_ENV: oneOf("KITH_ENV", kithEnvironments),
  KITH_SEED_DEMO: flag("KITH_SEED_DEMO"),
  KITH_SECURE_COOKIES: flag("KITH_SECURE_COOKIES"),
  KITH_MAX_UPLOAD_BYTES: wholeNumber("KITH_MAX_UPLOAD_BYTES", 1024, 1024 ** 3),
  KITH_SECRET: z.string().refine((raw) => raw.length >= 32, {
    error: (issue) =>
      `KITH_SECRET must be at least 32 characters (use \`openssl rand -hex 32\`), got ${String(issue.input).length}`,
  }),
  KITH_PUBLIC_URL: url("KITH_PUBLIC_URL", ["http:", "https:"], "https://kith.example.org"),
  KITH_SMTP_URL: url("KITH_SMTP_URL", ["smtp:", "smtps:"], "smtps://user:password@mail.example.org:465"),
  KITH_MAIL_FROM: z.string().refine((raw) => mailbox.test(raw), {
    error: (issue) => `KITH_MAIL_FROM must be an email address or "Name <address>", ${got(issue.input)}`,
  }),
  KITH_TRUSTED_PROXIES: z
    .string()
    .refine((raw) => raw.split(",").every((entry) => isAddressOrRange(entry.trim())), {
      error: (issue) =>
        `KITH_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges (10.0.0.0/8), ${got(issue.input)}`,
    }),
  KITH_METRICS_TOKEN: z.string().refine((raw) => raw.length >= 16, {
    error: () => "KITH_METRICS_TOKEN must be at least 16 characters",
  }),
  KITH_LOG_LEVEL: oneOf("KITH_LOG_LEVEL", logLevels),
  KITH_SHUTDOWN_TIMEOUT_MS: wholeNumber("KITH_SHUTDOWN_TIMEOUT_MS", 0, 600_000),
  KITH_GOVUK_BRAND: flag("KITH_GOVUK_BRAND"),
  KITH_MAIL_PREVIEW: oneOf("KITH_MAIL_PREVIEW", ["off", "local", "on"]),
} satisfies Record<string, z.ZodType<string>>;

type SettingName = keyof typeof settings;

/** Checks each set variable on its own, so one bad value never hides another. */
function readSettings(env: Env): Partial<Record<SettingName, string>> {
  const problems: string[] = [];
  const values: Partial<Record<SettingName, string>> = {};
  for (const [name, schema] of Object.entries(settings) as [SettingName, z.ZodType<string>][]) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") continue;
    const result = schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else problems.push(...result.error.issues.map((issue) => issue.message));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}

const isTrue = (raw: string | undefined) => raw !== undefined && ["true", "1"].includes(raw.toLowerCase());

function defaultEnvironment(env: Env): KithEnvironment {
  if (env.VITEST) return "test";
  // An operator who sets the conventional NODE_ENV=production gets the production safety checks too.
  return env.NODE_ENV === "production" ? "production" : "development";
}

export function loadConfig(env: Env = process.env): KithConfig {
  const value = readSettings(env);
  const kithEnv = (value.KITH_ENV as KithEnvironment | undefined) ?? defaultEnvironment(env);
  const production = kithEnv === "production";
  const database: DatabaseConfig = value.DATABASE_URL
    ? { kind: "postgres", url: value.DATABASE_URL, poolSize: Number(value.KITH_PG_POOL ?? 10) }
    : {
        kind: "pglite",
        dataDir: path.resolve(env.KITH_DATA_DIR || path.join(projectRoot, "data", "pglite")),
      };
  return {
    database,
    env: kithEnv,
    port: Number(value.PORT ?? 3000),
    host: env.HOST?.trim() || "127.0.0.1",
    seedDemo: value.KITH_SEED_DEMO === undefined ? !production : isTrue(value.KITH_SEED_DEMO),
    secureCookies: value.KITH_SECURE_COOKIES === undefined ? production : isTrue(value.KITH_SECURE_COOKIES),
    referenceDir: path.resolve(env.KITH_REFERENCE_DIR || path.join(projectRoot, "reference")),
    maxUploadBytes: Number(value.KITH_MAX_UPLOAD_BYTES ?? 50 * 1024 * 1024),
    secret: value.KITH_SECRET,
    publicUrl:
      value.KITH_PUBLIC_URL?.replace(/\/+$/, "") ??
      (production ? "" : `http://localhost:${value.PORT ?? 3000}`),
    smtpUrl: value.KITH_SMTP_URL,
    mailFrom: value.KITH_MAIL_FROM,
    trustedProxies: (value.KITH_TRUSTED_PROXIES ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
    metricsToken: value.KITH_METRICS_TOKEN,
    logLevel: (value.KITH_LOG_LEVEL as LogLevel | undefined) ?? (kithEnv === "test" ? "silent" : "info"),
    shutdownTimeoutMs: Number(value.KITH_SHUTDOWN_TIMEOUT_MS ?? 10_000),
    commit: env.KITH_COMMIT?.trim() || undefined,
    mailPreview: value.KITH_SMTP_URL === undefined && !production && value.KITH_MAIL_PREVIEW !== "off",
    mailPreviewAnywhere: value.KITH_MAIL_PREVIEW === "on",
    govukBrand: isTrue(value.KITH_GOVUK_BRAND),
  };
}

export { projectRoot };

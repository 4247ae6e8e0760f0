import { isIP } from "node:net";
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
  /** The address people use to reach Kith; every absolute link in mail and documents starts with it, never with the request's Host header. */
  publicUrl: string;
  /** Reverse proxies (addresses or CIDRs) whose X-Forwarded-For is believed; empty means the socket address is the client. */
  trustedProxies: string[];
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

function parsePublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw.trim() === "") return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(
      `KITH_PUBLIC_URL is not a URL. Use the address people use, like https://kith.example.org.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(
      `KITH_PUBLIC_URL must start with https:// or http:// (it starts with ${url.protocol}//).`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function parseTrustedProxies(raw: string | undefined): string[] {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `KITH_TRUSTED_PROXIES has "${entry}", which is not an address or CIDR. Use a comma-separated list like 10.0.0.1, 192.168.0.0/16, fd00::/8.`,
      );
    }
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): KithConfig {
  const url = env.DATABASE_URL?.trim();
  const database: DatabaseConfig = url
    ? { kind: "postgres", url: parseDatabaseUrl(url) }
    : {
        kind: "pglite",
        dataDir: path.resolve(env.KITH_DATA_DIR ?? path.join(projectRoot, "data", "pglite")),
      };
  const port = parsePort(env.PORT);
  return {
    database,
    port,
    host: env.HOST ?? "127.0.0.1",
    seedDemo: env.KITH_SEED_DEMO !== "false",
    secureCookies: env.KITH_SECURE_COOKIES
      ? env.KITH_SECURE_COOKIES === "true"
      : env.NODE_ENV === "production",
    referenceDir: path.resolve(env.KITH_REFERENCE_DIR ?? path.join(projectRoot, "reference")),
    maxUploadBytes: Number(env.KITH_MAX_UPLOAD_BYTES ?? 50 * 1024 * 1024),
    publicUrl: parsePublicUrl(env.KITH_PUBLIC_URL, port),
    trustedProxies: parseTrustedProxies(env.KITH_TRUSTED_PROXIES),
  };
}

export { projectRoot };

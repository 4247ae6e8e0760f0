import { randomBytes } from "node:crypto";
import { hashToken } from "./tokens.ts";

// Decision 0008: a session, reset or API token carries its organisation in clear, so the
// look-up names the organisation and goes to one Citus shard. The stored hash covers the
// whole token, organisation part included, so changing that part only makes a token that
// matches nothing.

const tokenShape = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type TokenKey = { organisationId: string; tokenHash: string };

function organisationKey(organisationId: string): string {
  const hex = organisationId.toLowerCase();
  if (!uuidShape.test(hex)) throw new Error(`Not an organisation id: ${organisationId}`);
  return Buffer.from(hex.replaceAll("-", ""), "hex").toString("base64url");
}

function organisationFromKey(key: string): string | null {
  const bytes = Buffer.from(key, "base64url");
  // base64url decoding ignores stray bits; re-encoding must give the same text back.
  if (bytes.length !== 16 || bytes.toString("base64url") !== key) return null;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new secret of the form `<prefix><organisation>.<32 random bytes>`, both parts base64url, and its stored hash. */
export function newOrganisationToken(
  prefix: string,
  organisationId: string,
): { token: string; tokenHash: string } {
  const token = `${prefix}${organisationKey(organisationId)}.${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token) };
}

/**
 * The organisation and stored hash a presented token is looked up by, or null when it
 * does not have the shape of a token with this prefix (nothing is then looked up).
 */
export function tokenKey(token: string, prefix: string): TokenKey | null {
  if (!token.startsWith(prefix)) return null;
  const parts = tokenShape.exec(token.slice(prefix.length));
  if (!parts) return null;
  const organisationId = organisationFromKey(parts[1] ?? "");
  if (!organisationId) return null;
  return { organisationId, tokenHash: hashToken(token) };
}

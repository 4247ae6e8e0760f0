import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";
import { badRequest, invalid } from "./problem.ts";

/**
 * Text the database cannot store (a NUL byte) or that is not text at all (a lone
 * UTF-16 surrogate) used to reach PostgreSQL and come back as a 500. One guard in
 * front of every route refuses it with a 422 that names the field, for the path,
 * the query string, form bodies and JSON bodies alike.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL byte (PostgreSQL text cannot hold one) or a lone surrogate (not text at all). */
export function hasUnstorableText(text: string): boolean {
  return text.includes(String.fromCharCode(0)) || loneSurrogate.test(text);
}

const messageFor = (field: string) =>
  `${field} contains a character that cannot be stored (a NUL byte or a broken Unicode character)`;

/** Walks a parsed JSON value and returns the dotted name of the first bad string (or key), if any. */
export function findUnstorable(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 50) return undefined;
  if (typeof value === "string") return hasUnstorableText(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorable(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const name = path ? `${path}.${key}` : key;
      if (hasUnstorableText(key)) return name;
      const found = findUnstorable(item, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function refuse(field: string): never {
  throw invalid(messageFor(field), { [field]: messageFor(field) });
}

function checkPath(rawUrl: string): void {
  const pathname = new URL(rawUrl).pathname;
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw badRequest("The address could not be read", "The web address contains a broken character.");
    }
    if (hasUnstorableText(decoded)) refuse("path");
  }
}

function checkQuery(rawUrl: string): void {
  const search = new URL(rawUrl).search;
  if (!search) return;
  for (const pair of search.slice(1).split("&")) {
    const [rawKey = "", rawValue = ""] = pair.split("=");
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    } catch {
      throw badRequest("The address could not be read", "The query string contains a broken character.");
    }
    if (hasUnstorableText(key) || hasUnstorableText(value)) refuse(key || "query");
  }
}

async function checkBody(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<void> {
  if (c.req.method === "GET" || c.req.method === "HEAD") return;
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.includes("application/json") || type.includes("+json")) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return; // Unreadable JSON is the route's to refuse (400), as before.
    }
    const found = findUnstorable(body, "");
    if (found !== undefined) refuse(found || "body");
    return;
  }
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      return;
    }
    for (const [key, value] of Object.entries(form)) {
      const values = Array.isArray(value) ? value : [value];
      if (hasUnstorableText(key)) refuse(key);
      for (const item of values) if (typeof item === "string" && hasUnstorableText(item)) refuse(key);
    }
  }
}

export function inputGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkPath(c.req.url);
    checkQuery(c.req.url);
    await checkBody(c);
    await next();
  };
}

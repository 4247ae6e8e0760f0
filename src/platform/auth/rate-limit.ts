import { eq, gt, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../db/database.ts";
import { rateLimit } from "../db/platform-schema.ts";
import type { AppEnv } from "../http/app-env.ts";
import { clientAddress } from "../http/client-address.ts";
import { Problem } from "../http/problem.ts";

export type Limit = { max: number; windowMs: number };

const minute = 60 * 1000;

/**
 * Abuse limits: how many tries one client (an address, or an API token) gets in a
 * window. Generous enough for a family or an office behind one address, tight
 * enough that guessing passwords or codes, or flooding a public form, goes nowhere.
 */
export const defaultLimits = {
  /** Wrong passwords from one address across all accounts (successful sign-ins give their try back). */
  "sign-in": { max: 20, windowMs: 15 * minute },
  "password-reset": { max: 10, windowMs: 15 * minute },
  /** Reset emails to one address: stops the form being used to flood someone's inbox. */
  "password-reset-email": { max: 5, windowMs: 60 * minute },
  "vote-code": { max: 10, windowMs: 15 * minute },
  "public-report": { max: 20, windowMs: 60 * minute },
  /** Counted when a pledge is sent (its last step), so the steps before it cost nothing. */
  pledge: { max: 20, windowMs: 60 * minute },
  "api-token": { max: 1200, windowMs: minute },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof defaultLimits;

const messages: Record<LimitName, string> = {
  "sign-in": "There have been too many sign-in attempts from your network.",
  "password-reset": "There have been too many password reset requests from your network.",
  "password-reset-email": "We have already sent several password reset emails to that address.",
  "vote-code": "There have been too many voting code attempts from your network.",
  "public-report": "There have been too many reports sent from your network.",
  pledge: "There have been too many pledge forms sent from your network.",
  "api-token": "This API token has made too many requests.",
};

/** A 429 that knows when the client may try again (sent as Retry-After). */
export class RateLimited extends Problem {
  readonly retryAfterSeconds: number;
  constructor(name: LimitName, retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      "too-many-requests",
      "Too many attempts",
      `${messages[name]} Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type Slot = { allowed: boolean; hits: number; retryAfterSeconds: number };

/**
 * Counts one try against `key` in a single INSERT ... ON CONFLICT DO UPDATE, so
 * parallel requests (on any process) each see their own count and none is lost.
 * A window older than `windowMs` starts again at 1.
 */
export async function takeSlot(db: Db, key: string, limit: Limit, now: Date): Promise<Slot> {
  const start = sql`${now.toISOString()}::timestamptz`;
  const stale = sql`${rateLimit.windowStartedAt} <= ${new Date(now.getTime() - limit.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimit)
    .values({ key, hits: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        hits: sql`CASE WHEN ${stale} THEN 1 ELSE ${rateLimit.hits} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${stale} THEN ${start} ELSE ${rateLimit.windowStartedAt} END`,
      },
    })
    .returning({ hits: rateLimit.hits, windowStartedAt: rateLimit.windowStartedAt });
  const endsInMs = row.windowStartedAt.getTime() + limit.windowMs - now.getTime();
  return {
    allowed: row.hits <= limit.max,
    hits: row.hits,
    retryAfterSeconds: Math.max(1, Math.ceil(endsInMs / 1000)),
  };
}

/** Gives a try back, for limits that count only failures (a right password is not an attack). */
export async function releaseSlot(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimit)
    .set({ hits: sql`${rateLimit.hits} - 1` })
    .where(sql`${eq(rateLimit.key, key)} AND ${gt(rateLimit.hits, 0)}`);
}

export function limitFor(c: Context<AppEnv>, name: LimitName): Limit {
  return c.get("services").limits?.[name] ?? defaultLimits[name];
}

/**
 * Counts this request against a limit for its client (the trusted client address
 * unless a `subject` such as a token id or an email is given), and refuses it with
 * a 429 and Retry-After once the limit is used up.
 */
export async function enforceLimit(
  c: Context<AppEnv>,
  name: LimitName,
  subject: string = clientAddress(c),
): Promise<void> {
  const slot = await takeSlot(
    c.get("services").database.db,
    `${name}:${subject}`,
    limitFor(c, name),
    c.get("now"),
  );
  if (!slot.allowed) throw refuse(c, new RateLimited(name, slot.retryAfterSeconds));
}

/** Sets Retry-After on the response that will carry this refusal. */
export function refuse(c: Context<AppEnv>, limited: RateLimited): RateLimited {
  c.header("Retry-After", String(limited.retryAfterSeconds));
  return limited;
}

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { hmac, safeEqual } from "../../../platform/auth/tokens.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";

/**
 * The answers of a pledge in progress. Backers have no account or session, so the
 * answers ride in a signed, HTTP-only cookie scoped to the campaign pages: the
 * journey works without JavaScript, and nobody can forge or read another's answers.
 */
export type PledgeAnswers = {
  campaignId: string;
  amountPence?: number;
  rewardTierId?: string | null;
  backerName?: string;
  backerEmail?: string;
  anonymous?: boolean;
  message?: string | null;
};

const cookieName = "kith_pledge";

export function readPledgeAnswers(c: Context<AppEnv>, campaignId: string): PledgeAnswers {
  const raw = getCookie(c, cookieName);
  const empty = { campaignId };
  if (!raw) return empty;
  const [body, signature] = raw.split(".");
  if (!body || !signature || !safeEqual(signature, hmac(c.get("services").signingSecret, `pledge:${body}`)))
    return empty;
  try {
    const answers = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as PledgeAnswers;
    return answers.campaignId === campaignId ? answers : empty;
  } catch {
    return empty;
  }
}

export function writePledgeAnswers(c: Context<AppEnv>, answers: PledgeAnswers): void {
  const body = Buffer.from(JSON.stringify(answers), "utf8").toString("base64url");
  const signature = hmac(c.get("services").signingSecret, `pledge:${body}`);
  setCookie(c, cookieName, `${body}.${signature}`, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("services").config.secureCookies,
    path: "/campaigns",
    maxAge: 60 * 60,
  });
}

export function clearPledgeAnswers(c: Context<AppEnv>): void {
  deleteCookie(c, cookieName, { path: "/campaigns" });
}

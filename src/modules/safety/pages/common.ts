import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm } from "../../../platform/http/form-commands.ts";
import { type FieldErrors, notFound, type Problem } from "../../../platform/http/problem.ts";
import { requireActor } from "../../../platform/http/render.ts";
import type { TagColour } from "../../../platform/ui/components/tag.ts";
import { type SafeHtml, subNavigation, tag } from "../../../platform/ui/index.ts";
import { canManageSafety, canWorkCases } from "../policy.ts";

export { csrfField } from "../../../platform/http/form-commands.ts";

export function safetyNav(current: string): SafeHtml {
  const items = [
    { href: "/safety", text: "Cases" },
    { href: "/safety/pending", text: "Pending reports" },
    { href: "/safety/cases/new", text: "Record a report" },
    { href: "/safety/nm01", text: "NM01" },
    { href: "/safety/hot-spots", text: "Hot spots" },
    { href: "/safety/annual-report", text: "Annual report" },
    { href: "/safety/satisfaction", text: "Satisfaction" },
    { href: "/safety/retention", text: "Retention" },
    { href: "/safety/campaigns", text: "Campaigns" },
    { href: "/safety/settings", text: "Settings" },
  ];
  return subNavigation(
    items.map((item) => ({ ...item, current: item.href === current })),
    "Community safety",
  );
}

/** Runs a form command: a problem the person can fix re-renders the form with its errors; anything else propagates. */
export async function attempt<T>(
  work: () => Promise<T>,
  onInvalid: (errors: FieldErrors, problem: Problem) => Response | Promise<Response>,
): Promise<T | Response> {
  const result = await attemptForForm(work);
  return result.ok ? result.value : onInvalid(result.errors, result.problem);
}

export function bandTag(band: string): SafeHtml {
  const colours: Record<string, TagColour> = { high: "red", medium: "orange", standard: "green" };
  return tag(band.charAt(0).toUpperCase() + band.slice(1), colours[band] ?? "grey");
}

/** Form checkbox values arrive as "a,b" (readForm joins repeats). */
export function listValue(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

// Page guards: a GET runs the same policy check as the POST beside it, before anything is loaded,
// so a form never shows a case's reference, status or next step to someone who may not work it.

/** The signed-in case worker (officer or above), or a 403. */
export function requireCaseWorker(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  return actor;
}

/** The signed-in community safety manager, or a 403. */
export function requireSafetyManager(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  requireAllowed(canManageSafety(actor), "Only managers can change community safety settings.");
  return actor;
}

/** A stored case document or report evidence file, sent as a download (never shown inline). */
export function documentDownload(
  c: Context<AppEnv>,
  document: { content: Uint8Array | null; contentType: string; fileName: string } | undefined,
): Response {
  if (!document?.content) throw notFound("Document not found");
  return c.body(new Uint8Array(document.content), 200, {
    "content-type": document.contentType,
    "content-disposition": `attachment; filename="${document.fileName.replace(/"/g, "")}"`,
  });
}

import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import {
  formatPence,
  html,
  type SafeHtml,
  subNavigation,
  type TagColour,
  tag,
} from "../../../platform/ui/index.ts";
import type { ApplicationStatus, PaymentStatus } from "../schema.ts";

export const staffNav = (current: string): SafeHtml =>
  subNavigation(
    [
      { href: "/grants/manage", text: "Overview", current: current === "overview" },
      { href: "/grants/manage/programmes", text: "Programmes", current: current === "programmes" },
      { href: "/grants/manage/grants", text: "Grants", current: current === "grants" },
      {
        href: "/grants/manage/direct-awards/new",
        text: "Propose a direct award",
        current: current === "direct",
      },
      { href: "/grants/manage/register", text: "Register", current: current === "register" },
    ],
    "Grants",
  );

export function csrfField(c: Context<AppEnv>): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}">`;
}

/**
 * Runs a command from a form. A 422 comes back as field errors to show beside the
 * fields; a 409 as a form-level error; anything else is thrown on to the error page.
 */
export async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors; status: 409 | 422 }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Problem && error.status === 422)
      return { ok: false, errors: error.fieldErrors ?? { form: error.detail }, status: 422 };
    if (error instanceof Problem && error.status === 409)
      return { ok: false, errors: { form: `${error.title}: ${error.detail}` }, status: 409 };
    throw error;
  }
}

const applicationColours: Record<ApplicationStatus, TagColour> = {
  draft: "grey",
  submitted: "blue",
  ineligible: "orange",
  moderated: "purple",
  awarded: "green",
  declined: "red",
  waitlisted: "yellow",
};

export function applicationTag(status: ApplicationStatus): SafeHtml {
  return tag(status.charAt(0).toUpperCase() + status.slice(1), applicationColours[status]);
}

const paymentColours: Record<PaymentStatus, TagColour> = {
  scheduled: "grey",
  held: "red",
  approved: "blue",
  paid: "green",
  cancelled: "orange",
};
export function paymentTag(status: PaymentStatus): SafeHtml {
  return tag(status.charAt(0).toUpperCase() + status.slice(1), paymentColours[status]);
}

export function grantStatusTag(status: "proposed" | "active" | "ended"): SafeHtml {
  return tag(
    status === "proposed" ? "Awaiting approval" : status === "active" ? "Active" : "Ended",
    status === "proposed" ? "yellow" : status === "active" ? "green" : "grey",
  );
}

export function money(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? "–" : formatPence(pence);
}

/** A form-level error (409) shown at the top of the form, linked from the summary. */
export function formError(errors: FieldErrors): SafeHtml {
  return errors.form
    ? html`<p class="govuk-error-message" id="form"><span class="govuk-visually-hidden">Error:</span> ${errors.form}</p>`
    : html``;
}

/** Pence back into the pounds a person typed, for re-showing a form. */
export function penceAsPounds(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

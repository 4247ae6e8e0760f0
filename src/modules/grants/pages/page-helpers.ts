import type { FieldErrors } from "../../../platform/http/problem.ts";
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
      { href: "/grants/manage/controls", text: "Controls", current: current === "controls" },
    ],
    "Grants",
  );

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

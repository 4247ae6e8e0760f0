// On a sent application's staff page: send it back to the applicant for changes, and the
// history of every return (why, by whom, and when the applicant sent it again).
import type { Context } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import {
  button,
  details,
  html,
  insetText,
  type SafeHtml,
  textarea,
  timeline,
} from "../../../platform/ui/index.ts";
import { canAssess } from "../policy.ts";
import type { GrantApplication, GrantApplicationReturn } from "../schema.ts";
import { formError } from "./page-helpers.ts";

// The field is "returnReason", not "reason": the decision form on the same page has its own "reason",
// and two fields with one id would send the decision's label to this hidden box.
export function returnSection(
  c: Context<AppEnv>,
  actor: Actor,
  application: GrantApplication,
  returns: GrantApplicationReturn[],
  values: Record<string, string>,
  errors: FieldErrors,
): SafeHtml {
  const waiting = returns.find((r) => r.resubmittedAt === null);
  const form =
    canAssess(actor) && (application.status === "submitted" || application.status === "moderated")
      ? details({
          summary: "Return to the applicant for changes",
          open: Object.keys(errors).length > 0,
          content: html`${formError(errors)}<form method="post" action="/grants/manage/applications/${application.id}/return" novalidate>${csrfField(c)}
            ${textarea({ name: "returnReason", label: "What does the applicant need to change?", hint: "The applicant sees this. They change their answers and send the application again.", value: values.returnReason, error: errors.returnReason, rows: 3 })}
            ${button({ text: "Return application", variant: "secondary" })}</form>`,
        })
      : "";
  return html`${waiting ? insetText(`Returned to the applicant for changes: ${waiting.reason}`) : ""}${form}${
    returns.length > 0
      ? html`<h2 class="govuk-heading-m">Changes asked for</h2>${timeline(
          returns.flatMap((r) => [
            { title: "Returned for changes", by: r.returnedBy, at: r.returnedAt, description: r.reason },
            ...(r.resubmittedAt
              ? [{ title: "Sent again by the applicant", at: r.resubmittedAt, description: "" }]
              : []),
          ]),
        )}`
      : ""
  }`;
}

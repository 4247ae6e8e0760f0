// A manager's form to extend a vote, or reopen one whose closing day has passed uncounted.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { attemptForForm, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, dateInput, formatDate, html, textarea } from "../../../platform/ui/index.ts";
import { extendVoting } from "../commands/extend-voting.ts";
import { canExtendVoting } from "../policy.ts";
import { votingState } from "../voting-window.ts";
import { csrf, staffPath } from "./common.ts";
import { processForStaff } from "./staff-process.ts";

export function votingClosePage(app: Hono<AppEnv>): void {
  const form = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    status: 200 | FormErrorStatus = 200,
  ) => {
    const { process } = await processForStaff(
      c,
      canExtendVoting,
      "Only managers can extend or reopen a vote.",
    );
    const closed = votingState(process, c.get("now")) === "closed-awaiting-count";
    const title = closed ? "Reopen voting" : "Extend voting";
    return renderPage(c, {
      title: `${title}: ${process.title}`,
      errors: { ...errors, ...(errors.votingClose ? { "votingClose-day": errors.votingClose } : {}) },
      status,
      backLink: staffPath(process),
      content: html`<span class="govuk-caption-l">${process.title}</span><h1 class="govuk-heading-l">${title}</h1>
        <p class="govuk-body">${closed ? `Voting closed at the end of ${formatDate(process.votingClose)} and the votes have not been counted. Reopening keeps the ballots already cast.` : `Voting closes at the end of ${formatDate(process.votingClose)}.`}</p>
        <form method="post" novalidate>${csrf(c)}
          ${dateInput({ name: "votingClose", legend: "New closing date", hint: "Voting closes at the end of this day. For example, 31 1 2027", error: errors.votingClose, value: { day: values["votingClose-day"], month: values["votingClose-month"], year: values["votingClose-year"] } })}
          ${textarea({ name: "reason", label: "Reason", hint: "Kept in the audit log", value: values.reason, error: errors.reason, rows: 3 })}
          ${button({ text: title })}
        </form>`,
    });
  };
  app.get("/budgeting/:id/voting-close", (c) => form(c, {}));
  app.post("/budgeting/:id/voting-close", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const result = await attemptForForm(() =>
      callForPage(c, extendVoting, actor, c.req.param("id"), {
        votingClose: dateFromParts(values, "votingClose"),
        reason: values.reason ?? "",
      }),
    );
    if (!result.ok) return form(c, values, result.errors, result.status);
    return c.redirect(
      `${staffPath({ id: c.req.param("id") })}?done=${result.value.reopened ? "reopened" : "extended"}`,
      303,
    );
  });
}

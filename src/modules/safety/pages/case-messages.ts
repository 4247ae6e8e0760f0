import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDateTime, html, type SafeHtml, textarea } from "../../../platform/ui/index.ts";
import { replyToComplainant } from "../commands/case-messages.ts";
import { type CaseThread, caseThreads, type ThreadMessage } from "../queries/portal-messages.ts";
import { attempt, csrfField } from "./common.ts";

// Secure messages on both sides: the tenant's thread on their portal case page, and the
// officer's panel on the staff case page with a reply form for each complainant.

function messageList(messages: ThreadMessage[], viewer: "tenant" | "officer", label: string): SafeHtml {
  if (messages.length === 0) return html`<p class="govuk-body">No messages yet.</p>`;
  const who = (m: ThreadMessage) =>
    m.fromOfficer ? (viewer === "tenant" ? "Your officer" : "Officer") : viewer === "tenant" ? "You" : label;
  return html`<ol class="govuk-list kith-messages">${messages.map(
    (m) =>
      html`<li class="govuk-!-margin-bottom-4"><p class="govuk-body-s govuk-!-margin-bottom-1"><strong>${who(m)}</strong>, ${formatDateTime(m.at)}</p><div class="govuk-inset-text govuk-!-margin-top-0">${m.body.split(/\n+/).map((line) => html`<p class="govuk-body govuk-!-margin-bottom-1">${line}</p>`)}</div></li>`,
  )}</ol>`;
}

/** The tenant's thread on their case page, with a form to write to the officer while the case is open. */
export function portalMessagesSection(
  c: Context<AppEnv>,
  caseId: string,
  messages: ThreadMessage[],
  closed: boolean,
  value = "",
  errors: FieldErrors = {},
): SafeHtml {
  return html`<h2 class="govuk-heading-m" id="messages">Messages with your officer</h2>
    <p class="govuk-body">Only you and the officers working on your case can read these messages. If you are in danger now, call 999.</p>
    ${messageList(messages, "tenant", "You")}
    ${
      closed
        ? ""
        : html`<form method="post" action="/my-cases/${caseId}/messages" novalidate>${csrfField(c)}
      ${textarea({ name: "body", label: "Send a message to your officer", labelClasses: "govuk-label--s", hint: "Up to 2,000 characters. We will email you when your officer replies.", value, error: errors.body, rows: 4 })}
      ${button({ text: "Send message", classes: "govuk-button--secondary" })}</form>`
    }`;
}

function replyForm(
  c: Context<AppEnv>,
  base: string,
  thread: CaseThread,
  value = "",
  error?: string,
): SafeHtml {
  return html`<form method="post" action="${base}/messages" novalidate>${csrfField(c)}<input type="hidden" name="partyId" value="${thread.partyId}">
    ${textarea({ name: "body", id: `reply-${thread.partyId}`, label: `Reply to ${thread.complainant}`, labelClasses: "govuk-label--s", value, error, rows: 3 })}
    ${button({ text: "Send reply", classes: "govuk-button--secondary" })}</form>`;
}

/** The officer's panel: one thread per complainant, each with its reply form while the case is open. */
export function officerMessagesPanel(
  c: Context<AppEnv>,
  base: string,
  threads: CaseThread[],
  open: boolean,
): SafeHtml {
  return html`<h2 class="govuk-heading-m" id="messages">Messages with complainants</h2>
    ${
      threads.length === 0
        ? html`<p class="govuk-body">No complainant on this case has a portal thread.</p>`
        : threads.map(
            (thread) =>
              html`<h3 class="govuk-heading-s">${thread.complainant}</h3>${messageList(thread.messages, "officer", thread.complainant)}${open ? replyForm(c, base, thread) : ""}`,
          )
    }`;
}

export function officerMessageRoutes(app: Hono<AppEnv>): void {
  app.post("/safety/cases/:id/messages", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const caseId = c.req.param("id");
    const db = c.get("services").database.db;
    const result = await attempt(
      () => replyToComplainant(db, actor, c.get("now"), caseId, values),
      async (errors, problem) => {
        const threads = await caseThreads(db, actor, c.get("now"), caseId);
        const thread = threads.find((t) => t.partyId === values.partyId) ?? threads[0];
        const message = errors.body ?? errors.partyId ?? errors.form ?? "The reply could not be sent";
        return renderPage(c, {
          title: "Reply to the complainant",
          errors: { [thread ? `reply-${thread.partyId}` : "form"]: message },
          status: problem.status as 409 | 422,
          backLink: `/safety/cases/${caseId}#messages`,
          content: html`<h1 class="govuk-heading-l">Reply to the complainant</h1>${thread ? html`${messageList(thread.messages, "officer", thread.complainant)}${replyForm(c, `/safety/cases/${caseId}`, thread, values.body, message)}` : ""}`,
        });
      },
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${caseId}?done=message#messages`, 303);
  });
}

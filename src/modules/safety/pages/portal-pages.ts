import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { badRequest, type FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  fileUpload,
  formatDate,
  formatDateTime,
  html,
  summaryList,
  table,
  tag,
  textarea,
  timeline,
} from "../../../platform/ui/index.ts";
import { messageOfficer } from "../commands/case-messages.ts";
import { addDiaryEntry, uploadEvidence } from "../commands/portal-updates.ts";
import { londonDay } from "../domain/settings.ts";
import { portalCase, portalCases } from "../queries/portal.ts";
import { portalMessagesSection } from "./case-messages.ts";
import { attempt, csrfField } from "./common.ts";

// The tenant portal: a complainant's own cases. Everything shown comes from queries/portal.ts,
// which selects only whitelisted fields and redacts other parties from shared text.

export function portalPages(app: Hono<AppEnv>): void {
  app.get("/my-cases", async (c) => {
    const actor = requireActor(c);
    const { cases, pending } = await portalCases(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Your reports and cases",
      content: html`<h1 class="govuk-heading-l">Your reports and cases</h1>
        <p class="govuk-body"><a class="govuk-button" href="/report" role="button" draggable="false">Report anti-social behaviour or a problem</a></p>
        ${pending.length ? html`<h2 class="govuk-heading-m">Waiting for an officer</h2>${table({ caption: "Reports waiting", captionClasses: "govuk-visually-hidden", head: [{ text: "What" }, { text: "Happened" }, { text: "Sent" }], rows: pending.map((p) => [p.category, formatDate(p.reportedOn), formatDateTime(p.receivedAt)]) })}` : ""}
        <h2 class="govuk-heading-m">Your cases</h2>
        ${
          cases.length === 0
            ? html`<p class="govuk-body">You have no cases.</p>`
            : table({
                caption: "Your cases",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Reference" }, { text: "What" }, { text: "Status" }, { text: "Opened" }],
                rows: cases.map((item) => [
                  html`<a class="govuk-link" href="/my-cases/${item.id}">${item.reference}</a>`,
                  item.category,
                  item.closedOn ? tag("Closed", "grey") : tag(item.status, "blue"),
                  formatDate(item.openedOn),
                ]),
              })
        }`,
    });
  });

  const casePage = async (
    c: Context<AppEnv>,
    values: Record<string, string> = {},
    errors: FieldErrors = {},
    status: 200 | 409 | 413 | 422 = 200,
  ) => {
    const actor = requireActor(c);
    const view = await callForPage(c, portalCase, actor, c.req.param("id") ?? "");
    const [year = "", month = "", day = ""] = (values.happenedOn ?? "").split("-");
    return renderPage(c, {
      title: `Your case ${view.reference}`,
      errors,
      status,
      backLink: "/my-cases",
      notification: flashFrom(c, {
        diary: "Your diary entry has been added to your case.",
        evidence: "Your file has been added to your case.",
        message: "Your message has been sent to your officer.",
      }),
      content: html`<span class="govuk-caption-l">${view.category}</span><h1 class="govuk-heading-l">Your case ${view.reference}</h1>
        ${summaryList([
          { key: "Status", value: view.closedOn ? `Closed on ${formatDate(view.closedOn)}` : view.status },
          { key: "Opened", value: formatDate(view.openedOn) },
          ...(view.officer ? [{ key: "Your officer", value: view.officer }] : []),
          ...(view.nextStep
            ? [
                {
                  key: "Next step",
                  value: view.nextStep.dueOn
                    ? `${view.nextStep.text}, by ${formatDate(view.nextStep.dueOn)}`
                    : view.nextStep.text,
                },
              ]
            : []),
        ])}
        ${view.actions.length ? html`<h2 class="govuk-heading-m">What we are doing</h2>${table({ caption: "Actions", captionClasses: "govuk-visually-hidden", head: [{ text: "Action" }, { text: "Started" }, { text: "Due" }, { text: "Status" }], rows: view.actions.map((a) => [a.type, formatDate(a.startedOn), a.dueOn ? formatDate(a.dueOn) : "–", a.status === "done" ? "Done" : a.status === "open" ? "In progress" : "Stopped"]) })}` : ""}
        <h2 class="govuk-heading-m">Updates</h2>
        ${
          view.updates.length
            ? timeline(
                view.updates.map((u) => ({
                  title: u.title,
                  by: u.byYou ? "you" : "your case officer",
                  at: u.at,
                  description: u.body ?? "",
                })),
                3,
              )
            : html`<p class="govuk-body">No updates yet.</p>`
        }
        ${portalMessagesSection(c, view.id, view.messages, view.closedOn !== null, values.message, values.message === undefined ? {} : errors)}
        ${view.documents.length ? html`<h2 class="govuk-heading-m">Files you sent</h2><ul class="govuk-list">${view.documents.map((d) => html`<li>${d.fileName} (${formatDate(d.createdAt)})</li>`)}</ul>` : ""}
        ${
          view.closedOn
            ? html`<h2 class="govuk-heading-m">Tell us how we did</h2><p class="govuk-body"><a class="govuk-link" href="/my-cases/${view.id}/satisfaction">Answer one question about how we handled your case</a></p>`
            : html`<h2 class="govuk-heading-m">Add to your diary</h2>
        <form method="post" action="/my-cases/${view.id}/diary" novalidate>${csrfField(c)}
          ${dateInput({ name: "happenedOn", legend: { text: "When did it happen?", classes: "govuk-fieldset__legend--s" }, hint: "For example, 27 3 2026", error: errors["happenedOn-day"] ?? errors.happenedOn, value: { year, month, day } })}
          ${textarea({ name: "description", label: "What happened?", value: values.description, error: errors.description, rows: 5 })}
          ${button({ text: "Add diary entry" })}
        </form>
        <h2 class="govuk-heading-m">Send a photo, recording or document</h2>
        <form method="post" action="/my-cases/${view.id}/evidence" enctype="multipart/form-data" novalidate>${csrfField(c)}
          ${fileUpload({ name: "evidence", label: "Upload a file", hint: "PDF, JPG, PNG or MP3, smaller than 10 MB", error: errors.evidence ?? errors.form, accept: ".pdf,.jpg,.jpeg,.png,.mp3" })}
          ${button({ text: "Upload file", classes: "govuk-button--secondary" })}
        </form>`
        }`,
    });
  };

  app.get("/my-cases/:id", (c) => casePage(c));

  app.post("/my-cases/:id/diary", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const happenedOn = dateFromParts(values, "happenedOn");
    const merged = { ...values, happenedOn };
    if (happenedOn > londonDay(c.get("now")))
      return casePage(c, merged, { "happenedOn-day": "The date must be today or in the past" }, 422);
    const result = await attempt(
      () =>
        callForPage(c, addDiaryEntry, actor, c.req.param("id"), {
          happenedOn,
          description: values.description ?? "",
        }),
      (errors, problem) =>
        casePage(
          c,
          merged,
          errors.happenedOn ? { ...errors, "happenedOn-day": errors.happenedOn } : errors,
          problem.status as 409 | 422,
        ),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/my-cases/${c.req.param("id")}?done=diary`, 303);
  });

  app.post("/my-cases/:id/messages", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const result = await attempt(
      () => callForPage(c, messageOfficer, actor, c.req.param("id"), values),
      (errors, problem) =>
        casePage(
          c,
          { message: values.body ?? "" },
          errors.form ? { body: errors.form } : errors,
          problem.status as 409 | 422,
        ),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/my-cases/${c.req.param("id")}?done=message#messages`, 303);
  });

  app.post("/my-cases/:id/evidence", async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const file = body.evidence;
    if (!(file instanceof File) || file.size === 0) {
      if (typeof file === "string" || file === undefined || (file instanceof File && file.size === 0))
        return casePage(c, {}, { evidence: "Select a file to upload" }, 422);
      throw badRequest("No file", "Select a file to upload.");
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await attempt(
      () =>
        callForPage(c, uploadEvidence, actor, c.req.param("id"), {
          name: file.name,
          bytes,
        }),
      (errors, problem) => casePage(c, {}, errors, problem.status as 413 | 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/my-cases/${c.req.param("id")}?done=evidence`, 303);
  });
}

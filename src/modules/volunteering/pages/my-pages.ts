import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  formatDate,
  html,
  insetText,
  radios,
  summaryList,
  type TagColour,
  table,
  tag,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { logOwnHours, resubmitHours } from "../commands/log-hours.ts";
import { volunteerDocument } from "../pdf/documents.ts";
import { myVolunteering } from "../queries/volunteers.ts";
import { londonToday } from "../records.ts";
import { hoursText } from "./page-kit.ts";
import { dateErrorKeys, dateParts } from "./volunteer-form.ts";
import { pdfResponse } from "./volunteer-pages.ts";

// A volunteer's own pages, built for a phone: one column, big targets, few words.

const hoursTags: Record<string, [string, TagColour]> = {
  submitted: ["Waiting", "yellow"],
  verified: ["Verified", "green"],
  disputed: ["Sent back", "red"],
};

async function mine(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const record = await myVolunteering(c.get("services").database.db, actor);
  if (!record)
    throw notFound(
      "You are not registered as a volunteer",
      "Ask your volunteering coordinator to link your account to your volunteer record.",
    );
  return { actor, record };
}

export function myPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/my-volunteering", async (c) => {
    const { record } = await mine(c);
    return renderPage(c, {
      title: "Your volunteering",
      notification: flashFrom(c, {
        logged: "Hours sent to your coordinator to verify.",
        corrected: "Corrected hours sent again.",
      }),
      content: html`<h1 class="govuk-heading-l">Your volunteering</h1>
        ${summaryList([
          { key: "Verified hours", value: hoursText(record.verifiedMinutes) },
          {
            key: "Milestones",
            value: record.milestones.map((m) => `${m.hours} hours`).join(", ") || "Your first is at 10 hours",
          },
          {
            key: "Your roles",
            value:
              record.roles
                .filter((r) => r.status === "placed")
                .map((r) => r.title)
                .join(", ") || "None yet",
          },
        ])}
        ${button({ text: "Log hours", href: "/my-volunteering/log" })}
        <p class="govuk-body"><a class="govuk-link" href="/my-volunteering/profile">Your interests, free times and training</a></p>
        ${record.verifiedMinutes > 0 ? html`<p class="govuk-body"><a class="govuk-link" href="/my-volunteering/certificate.pdf" download>Download your certificate (PDF)</a></p>` : ""}
        <h2 class="govuk-heading-m">Your hours</h2>
        ${
          record.hours.length === 0
            ? html`<p class="govuk-body">No hours yet.</p>`
            : table({
                caption: "Your latest hours",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Date" }, { text: "Role" }, { text: "Hours" }, { text: "Status" }],
                rows: record.hours.map((h) => [
                  formatDate(h.workedOn),
                  h.title,
                  hoursText(h.minutes),
                  h.status === "disputed"
                    ? html`${tag(...(hoursTags[h.status] ?? ["", "grey"]))}<p class="govuk-body-s govuk-!-margin-top-1">${h.disputeReason}</p><a class="govuk-link" href="/my-volunteering/hours/${h.id}/correct">Correct<span class="govuk-visually-hidden"> hours for ${formatDate(h.workedOn)}</span></a>`
                    : tag(...(hoursTags[h.status] ?? [h.status, "grey"])),
                ]),
              })
        }`,
    });
  });

  const showLog = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors?: Record<string, string>,
  ) => {
    const { record } = await mine(c);
    const roles = record.roles.filter((r) => r.status === "placed" || r.status === "ended");
    return renderPage(c, {
      title: `Log your hours`,
      errors,
      status: errors ? 422 : 200,
      backLink: "/my-volunteering",
      content: html`<h1 class="govuk-heading-l">Log your hours</h1>
        ${
          roles.length === 0
            ? insetText("You can log hours once a coordinator has placed you in a role.")
            : html`
        <form method="post" action="/my-volunteering/log" novalidate>${csrfField(c)}
          ${radios({ name: "opportunityId", legend: "Which role?", items: roles.map((r) => ({ value: r.opportunityId, text: r.title })), value: values.opportunityId ?? (roles.length === 1 ? roles[0]?.opportunityId : undefined), error: errors?.opportunityId })}
          ${dateInput({ name: "workedOn", legend: "When did you volunteer?", hint: `For example, ${formatDate(londonToday(c.get("now")))}`, value: dateParts(values.workedOn), error: errors?.["workedOn-day"] })}
          ${textInput({ name: "minutes", label: "How many hours?", hint: "For example, 2 or 2.5 or 1:30", value: values.minutes, width: 4, inputmode: "decimal", error: errors?.minutes })}
          ${textarea({ name: "note", label: "Anything your coordinator should know? (optional)", rows: 2, value: values.note, error: errors?.note })}
          ${button({ text: "Send hours", preventDoubleClick: true })}
        </form>`
        }`,
    });
  };
  const fixDateKey = (errors: Record<string, string>) => dateErrorKeys(errors, ["workedOn"]);

  app.get("/my-volunteering/log", (c) => showLog(c, { workedOn: londonToday(c.get("now")) }));
  app.post("/my-volunteering/log", async (c) => {
    const { actor } = await mine(c);
    const form = await readForm(c);
    const values = {
      opportunityId: form.opportunityId ?? "",
      workedOn: dateFromParts(form, "workedOn"),
      minutes: form.minutes ?? "",
      note: form.note ?? "",
    };
    const result = await attemptForForm(() => callForPage(c, logOwnHours, actor, values));
    if (!result.ok) return showLog(c, values, fixDateKey(result.errors));
    return c.redirect("/my-volunteering?done=logged", 303);
  });

  const showCorrect = async (
    c: Context<AppEnv>,
    values: Record<string, string> | null,
    errors?: Record<string, string>,
  ) => {
    const { record } = await mine(c);
    const entry = record.hours.find((h) => h.id === c.req.param("id") && h.status === "disputed");
    if (!entry) throw notFound("Hours not found");
    const shown = values ?? {
      workedOn: entry.workedOn,
      minutes: String(entry.minutes / 60),
      note: entry.note ?? "",
    };
    return renderPage(c, {
      title: `Correct your hours`,
      errors,
      status: errors ? 422 : 200,
      backLink: "/my-volunteering",
      content: html`<h1 class="govuk-heading-l">Correct your hours</h1>
        ${insetText(html`Your coordinator said: ${entry.disputeReason ?? ""}`)}
        <form method="post" action="/my-volunteering/hours/${entry.id}/correct" novalidate>${csrfField(c)}
          ${dateInput({ name: "workedOn", legend: "When did you volunteer?", value: dateParts(shown.workedOn), error: errors?.["workedOn-day"] })}
          ${textInput({ name: "minutes", label: "How many hours?", hint: "For example, 2 or 2.5 or 1:30", value: shown.minutes, width: 4, inputmode: "decimal", error: errors?.minutes })}
          ${textarea({ name: "note", label: "Note (optional)", rows: 2, value: shown.note, error: errors?.note })}
          ${button({ text: "Send again", preventDoubleClick: true })}
        </form>`,
    });
  };
  app.get("/my-volunteering/hours/:id/correct", (c) => showCorrect(c, null));
  app.post("/my-volunteering/hours/:id/correct", async (c) => {
    const { actor } = await mine(c);
    const form = await readForm(c);
    const values = {
      workedOn: dateFromParts(form, "workedOn"),
      minutes: form.minutes ?? "",
      note: form.note ?? "",
    };
    const result = await attemptForForm(() =>
      callForPage(c, resubmitHours, actor, c.req.param("id"), values),
    );
    if (!result.ok) return showCorrect(c, values, fixDateKey(result.errors));
    return c.redirect("/my-volunteering?done=corrected", 303);
  });

  app.get("/my-volunteering/certificate.pdf", async (c) => {
    const { actor, record } = await mine(c);
    return pdfResponse(c, await callForPage(c, volunteerDocument, actor, record.volunteer.id, "certificate"));
  });
  return app;
}

import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts, dateParts } from "../../../platform/http/fields.ts";
import type { FormPage } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, dateInput, formatDate, html, table, textInput } from "../../../platform/ui/index.ts";
import { findCampaign, listCampaigns, saveCampaign } from "../commands/campaigns.ts";
import { attempt, csrfField, requireSafetyManager, safetyNav } from "./common.ts";

// Preventative campaigns: list, record and change (managers). The annual report shows them.

const db = (c: Context<AppEnv>) => c.get("services").database.db;

export function campaignPages(app: Hono<AppEnv>): void {
  app.get("/safety/campaigns", async (c) => {
    const campaigns = await listCampaigns(db(c), requireActor(c));
    return renderPage(c, {
      title: "Preventative campaigns",
      fullWidth: true,
      notification: flashFrom(c, { saved: "The campaign has been saved." }),
      content: html`${safetyNav("/safety/campaigns")}<h1 class="govuk-heading-l">Preventative campaigns</h1>
        <a class="govuk-button" href="/safety/campaigns/new" data-module="govuk-button">Record a campaign</a>
        ${table({
          caption: "Campaigns",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Campaign" },
            { text: "Topic" },
            { text: "Ran" },
            { text: "People reached", numeric: true },
          ],
          rows: campaigns.map((cm) => [
            html`<a class="govuk-link" href="/safety/campaigns/${cm.id}">${cm.name}</a>`,
            cm.topic,
            `${formatDate(cm.startedOn)} to ${cm.endedOn ? formatDate(cm.endedOn) : "now"}`,
            cm.peopleReached.toLocaleString("en-GB"),
          ]),
        })}`,
    });
  });

  const form: FormPage = async (c, values, errors = {}, status = 200) => {
    // The form is for changing campaigns: managers only, checked before the campaign is loaded.
    const actor = requireSafetyManager(c);
    const id = c.req.param("id") ?? null;
    const existing = id ? await findCampaign(db(c), actor, id) : null;
    const v = values ?? {
      name: existing?.name ?? "",
      topic: existing?.topic ?? "",
      laCode: existing?.laCode ?? "",
      startedOn: existing?.startedOn ?? "",
      endedOn: existing?.endedOn ?? "",
      peopleReached: existing ? String(existing.peopleReached) : "",
    };
    const title = existing ? `Change ${existing.name}` : "Record a campaign";
    return renderPage(c, {
      title,
      errors,
      status,
      backLink: "/safety/campaigns",
      content: html`<h1 class="govuk-heading-l">${title}</h1>
        <form method="post" action="/safety/campaigns/${existing ? existing.id : "new"}" novalidate>${csrfField(c)}
          ${textInput({ name: "name", label: "Name", value: v.name, error: errors.name })}
          ${textInput({ name: "topic", label: "Topic", hint: "For example: fly-tipping, hate incidents", value: v.topic, error: errors.topic })}
          ${textInput({ name: "laCode", label: "Local authority code (optional)", hint: "Leave empty if it ran everywhere", value: v.laCode, error: errors.laCode, width: 10 })}
          ${dateInput({ name: "startedOn", legend: { text: "Start date", classes: "govuk-fieldset__legend--s" }, value: dateParts(v.startedOn), error: errors.startedOn })}
          ${dateInput({ name: "endedOn", legend: { text: "End date (optional)", classes: "govuk-fieldset__legend--s" }, value: dateParts(v.endedOn), error: errors.endedOn })}
          ${textInput({ name: "peopleReached", label: "People reached", value: v.peopleReached, error: errors.peopleReached, width: 10, inputmode: "numeric" })}
          ${button({ text: "Save campaign" })}
        </form>`,
    });
  };
  const save = async (c: Context<AppEnv>) => {
    const raw = await readForm(c);
    const values: Record<string, string> = {
      ...raw,
      startedOn: dateFromParts(raw, "startedOn"),
      endedOn: dateFromParts(raw, "endedOn"),
    };
    const reached = (values.peopleReached ?? "").replace(/,/g, "").trim();
    const result = await attempt(
      () =>
        saveCampaign(db(c), requireActor(c), c.get("now"), c.req.param("id") ?? null, {
          name: values.name ?? "",
          topic: values.topic ?? "",
          laCode: values.laCode?.trim().toUpperCase() || null,
          startedOn: values.startedOn ?? "",
          endedOn: values.endedOn || null,
          peopleReached: /^\d{1,9}$/.test(reached) ? Number(reached) : Number.NaN,
        }),
      (errors) => form(c, values, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect("/safety/campaigns?done=saved", 303);
  };
  app.get("/safety/campaigns/new", (c) => form(c, null));
  app.post("/safety/campaigns/new", save);
  app.get("/safety/campaigns/:id", (c) => form(c, null));
  app.post("/safety/campaigns/:id", save);
}

import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormPage } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, table, textarea, textInput } from "../../../platform/ui/index.ts";
import { listLetterTemplates, saveLetterTemplate } from "../commands/letters.ts";
import { attempt, csrfField, requireSafetyManager, safetyNav } from "./common.ts";

// Letter templates the organisation edits (managers). {{placeholders}}: recipientName, address,
// reference, category, officerName, organisationName, date.

export function settingsPages(app: Hono<AppEnv>): void {
  app.get("/safety/letters", async (c) => {
    const templates = await listLetterTemplates(c.get("services").database.db, requireActor(c));
    return renderPage(c, {
      title: "Letter templates",
      fullWidth: true,
      notification: flashFrom(c, { saved: "The template has been saved." }),
      content: html`${safetyNav("/safety/letters")}<h1 class="govuk-heading-l">Letter templates</h1>
        ${table({
          caption: "Templates",
          captionClasses: "govuk-visually-hidden",
          head: [{ text: "Template" }, { text: "Code" }],
          rows: templates.map((t) => [
            html`<a class="govuk-link" href="/safety/letters/${t.code}">${t.name}</a>`,
            t.code,
          ]),
        })}`,
    });
  });

  const editPage: FormPage = async (c, values, errors = {}, status = 200) => {
    const templates = await listLetterTemplates(c.get("services").database.db, requireSafetyManager(c));
    const template = templates.find((t) => t.code === c.req.param("code"));
    if (!template) throw notFound("Template not found");
    const current = values ?? { name: template.name, body: template.body };
    return renderPage(c, {
      title: `Edit ${template.name}`,
      errors,
      status,
      backLink: "/safety/letters",
      content: html`<h1 class="govuk-heading-l">Edit letter template</h1>
        <p class="govuk-body">Placeholders: {{recipientName}}, {{address}}, {{reference}}, {{category}}, {{officerName}}, {{organisationName}}, {{date}}.</p>
        <form method="post" action="/safety/letters/${template.code}" novalidate>${csrfField(c)}
          ${textInput({ name: "name", label: "Name", value: current.name, error: errors.name })}
          ${textarea({ name: "body", label: "Letter text", value: current.body, error: errors.body, rows: 16 })}
          ${button({ text: "Save template" })}
        </form>`,
    });
  };
  app.get("/safety/letters/:code", (c) => editPage(c, null));
  app.post("/safety/letters/:code", async (c) => {
    const values = await readForm(c);
    const result = await attempt(
      () =>
        saveLetterTemplate(c.get("services").database.db, requireActor(c), c.get("now"), {
          code: c.req.param("code"),
          name: values.name ?? "",
          body: values.body ?? "",
        }),
      (errors) => editPage(c, values, errors, 422),
    );
    if (result instanceof Response) return result;
    return c.redirect("/safety/letters?done=saved", 303);
  });
}

import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { formatDate, html, table } from "../../../platform/ui/index.ts";
import { approveDeletion, casesDueForDeletion } from "../commands/retention.ts";
import { findCategory } from "../domain/categories.ts";
import { subjectAccessExport } from "../queries/subject-access.ts";
import { csrfField, safetyNav } from "./common.ts";

export function retentionPages(app: Hono<AppEnv>): void {
  app.get("/safety/retention", async (c) => {
    const actor = requireActor(c);
    const due = await callForPage(c, casesDueForDeletion, actor);
    return renderPage(c, {
      title: "Cases due for deletion",
      fullWidth: true,
      notification: flashFrom(c, { anonymised: "The case has been anonymised." }),
      content: html`${safetyNav("/safety/retention")}<h1 class="govuk-heading-l">Cases due for deletion</h1>
        <p class="govuk-body">Cases closed more than 6 years ago that are not on legal hold and have no order still in force. Approving anonymises the case: people, notes and documents are removed; the category, dates and area stay for the counts.</p>
        ${table({
          caption: `${due.length} cases`,
          head: [{ text: "Case" }, { text: "Category" }, { text: "Closed" }, { text: "" }],
          rows: due.map((d) => [
            d.reference,
            findCategory(d.category)?.name ?? d.category,
            formatDate(d.closedOn),
            html`<form method="post" action="/safety/retention/${d.id}" novalidate>${csrfField(c)}<button class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Approve deletion<span class="govuk-visually-hidden"> of ${d.reference}</span></button></form>`,
          ]),
        })}`,
    });
  });
  // Subject access export for one person (JSON download), third parties redacted.
  app.get("/safety/subject-access/:personId", async (c) => {
    const report = await subjectAccessExport(
      c.get("services").database.db,
      requireActor(c),
      c.get("now"),
      c.req.param("personId"),
    );
    return c.body(JSON.stringify(report, null, 2), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="subject-access-${report.personId}.json"`,
    });
  });
  app.post("/safety/retention/:id", async (c) => {
    await approveDeletion(c.get("services").database.db, requireActor(c), c.get("now"), c.req.param("id"));
    return c.redirect("/safety/retention?done=anonymised", 303);
  });
}

import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, insetText, textarea, textInput } from "../../../platform/ui/index.ts";
import { linkSameMatter } from "../commands/link-same-matter.ts";
import { unlinkSameMatter } from "../commands/unlink-same-matter.ts";
import { sameMatterLinksOf } from "../queries/same-matter-links.ts";
import { findCase } from "../store.ts";
import { attempt, csrfField } from "./common.ts";

// An officer records that a case is about the same matter as another (NM01 then counts them once).

async function sameMatterForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 409 | 422 = 200,
) {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const caseId = c.req.param("id") ?? "";
  const links = await sameMatterLinksOf(db, actor, caseId);
  const found = await findCase(db, actor, caseId);
  const base = `/safety/cases/${found.id}`;
  const title = `Same matter as another case: ${found.reference}`;
  const current = links.sameAs
    ? html`<p class="govuk-body">${found.reference} is linked as the same matter as ${links.sameAs}. It counts in NM01 only as part of ${links.sameAs}.</p>
        <h2 class="govuk-heading-m">Remove the link</h2>
        <p class="govuk-body">If the cases are not about the same matter after all, remove the link. ${found.reference} then counts in NM01 on its own again.</p>
        <form method="post" action="${base}/same-matter/remove" novalidate>${csrfField(c)}
          ${textarea({ name: "reason", label: "Why the cases are not the same matter", value: values.reason, error: errors.reason })}
          ${button({ text: "Remove the link", classes: "govuk-button--warning" })}
        </form>`
    : links.linkedHere.length > 0
      ? html`<p class="govuk-body">These cases are linked to ${found.reference} as the same matter, and count in NM01 only as part of it: ${links.linkedHere.join(", ")}.</p>`
      : html`<form method="post" action="${base}/same-matter" novalidate>${csrfField(c)}
          ${textInput({ name: "sameAsReference", label: "Reference of the case this is the same matter as", hint: "For example, a case imported twice from an old system. That case keeps counting in NM01; this one stops counting on its own.", value: values.sameAsReference, error: errors.sameAsReference, width: 10 })}
          ${textarea({ name: "reason", label: "Why these cases are about the same matter", value: values.reason, error: errors.reason })}
          ${button({ text: "Link the cases" })}
        </form>`;
  return renderPage(c, {
    title,
    errors,
    status,
    backLink: base,
    content: html`<h1 class="govuk-heading-l">${title}</h1>
      ${insetText("The regulator's NM01 rule: further reports about the same matter while a case is open are not a new case. Linking is recorded in the audit log.")}
      ${current}`,
  });
}

export function sameMatterPages(app: Hono<AppEnv>): void {
  app.get("/safety/cases/:id/same-matter", (c) => sameMatterForm(c, {}));
  app.post("/safety/cases/:id/same-matter", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const caseId = c.req.param("id");
    const result = await attempt(
      () =>
        callForPage(c, linkSameMatter, actor, caseId, {
          sameAsReference: values.sameAsReference ?? "",
          reason: values.reason ?? "",
        }),
      (errors, problem) => sameMatterForm(c, values, errors, problem.status as 409 | 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${caseId}?done=saved`, 303);
  });
  app.post("/safety/cases/:id/same-matter/remove", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const caseId = c.req.param("id");
    const result = await attempt(
      () =>
        callForPage(c, unlinkSameMatter, actor, caseId, {
          reason: values.reason ?? "",
        }),
      (errors, problem) => sameMatterForm(c, values, errors, problem.status as 409 | 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${caseId}?done=saved`, 303);
  });
}

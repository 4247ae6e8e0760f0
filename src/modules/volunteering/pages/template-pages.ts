import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, textarea, textInput } from "../../../platform/ui/index.ts";
import { setDocumentTemplate } from "../commands/set-document-template.ts";
import { type DocumentKind, defaultTemplates } from "../pdf/documents.ts";
import { canSetHourlyRate } from "../policy.ts";
import { listDocumentTemplates } from "../queries/templates.ts";
import { volunteeringTabs } from "./page-kit.ts";

const kinds: DocumentKind[] = ["certificate", "reference"];

export function templatePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const show = async (
    c: Context<AppEnv>,
    failed?: { kind: string; values: Record<string, string>; errors: FieldErrors },
  ) => {
    const actor = requireActor(c);
    const saved = await listDocumentTemplates(c.get("services").database.db, actor);
    const editable = canSetHourlyRate(actor);
    return renderPage(c, {
      title: "Certificate and reference wording",
      // Field ids carry the kind, so the summary links to the right box.
      errors: failed
        ? Object.fromEntries(
            Object.entries(failed.errors).map(([key, message]) => [`${failed.kind}-${key}`, message]),
          )
        : undefined,
      status: failed ? 422 : 200,
      notification: flashFrom(c, { saved: "Wording saved." }),
      content: html`${volunteeringTabs(actor, "/volunteering/templates")}<h1 class="govuk-heading-l">Certificate and reference wording</h1>
        <p class="govuk-body">Placeholders filled in for each volunteer: {{name}}, {{hours}}, {{organisation}}, {{roles}}, {{from}}, {{to}}, {{date}} and {{milestoneSentence}}.</p>
        ${kinds.map((kind) => {
          const current =
            failed?.kind === kind
              ? failed.values
              : (saved.find((t) => t.kind === kind) ?? defaultTemplates[kind]);
          const errors = failed?.kind === kind ? failed.errors : undefined;
          return html`<h2 class="govuk-heading-m">${kind === "certificate" ? "Certificate" : "Reference"}</h2>
            <form method="post" action="/volunteering/templates" novalidate>${csrfField(c)}<input type="hidden" name="kind" value="${kind}">
              ${textInput({ name: "heading", id: `${kind}-heading`, label: "Heading", value: current.heading, error: errors?.heading, disabled: !editable })}
              ${textarea({ name: "body", id: `${kind}-body`, label: "Wording", value: current.body, rows: 6, error: errors?.body, disabled: !editable })}
              ${textInput({ name: "signedBy", id: `${kind}-signedBy`, label: "Signed by", value: current.signedBy, error: errors?.signedBy, disabled: !editable })}
              ${editable ? button({ text: `Save ${kind} wording`, variant: "secondary" }) : ""}</form>`;
        })}`,
    });
  };
  app.get("/volunteering/templates", (c) => show(c));
  app.post("/volunteering/templates", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() => callForPage(c, setDocumentTemplate, actor, form));
    if (!result.ok) {
      return show(c, {
        kind: form.kind === "reference" ? "reference" : "certificate",
        values: form,
        errors: result.errors,
      });
    }
    return c.redirect("/volunteering/templates?done=saved", 303);
  });
  return app;
}

import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  fileUpload,
  html,
  radios,
  type SafeHtml,
  select,
  textInput,
} from "../../../platform/ui/index.ts";
import { storedFileDownload } from "../../../platform/uploads/download.ts";
import { acceptAttribute, describeKinds } from "../../../platform/uploads/file-type.ts";
import {
  applicationFileKinds,
  downloadApplicationDocument,
  listApplicationDocuments,
  removeApplicationDocument,
  uploadApplicationDocument,
} from "../commands/application-documents.ts";
import {
  addBudgetLine,
  changeBudgetLine,
  getBudgetLine,
  listBudgetLines,
  loadDraftForChange,
  removeBudgetLine,
} from "../commands/budget-lines.ts";
import { canApply, canViewGrants } from "../policy.ts";
import {
  applicationDocumentTypes,
  budgetCategories,
  type GrantApplication,
  type GrantBudgetLine,
} from "../schema.ts";
import { base } from "./apply-forms.ts";
import { budgetTable, documentsTable } from "./budget-section.ts";
import { formError, penceAsPounds } from "./page-helpers.ts";

// The applicant's budget lines and supporting documents (add, change, remove), and the one
// download route the applicant's organisation and the grant staff share.

type Values = Record<string, string>;

/** What the user typed and what to fix, when a form comes back; a first view has neither. */
type Submitted = { values: Values; errors: FieldErrors; status: 200 | FormErrorStatus };
const firstView: Submitted = { values: {}, errors: {}, status: 200 };

function lineFields(values: Values, errors: FieldErrors): SafeHtml {
  return html`${textInput({ name: "description", label: "What is the money for?", hint: "For example, sessional youth worker, 10 hours a week", value: values.description, error: errors.description })}
    ${textInput({ name: "amount", label: "Cost", prefix: "£", value: values.amount, error: errors.amount, width: 10, inputmode: "decimal", spellcheck: false })}
    ${select({ name: "category", label: "Category (optional)", value: values.category, error: errors.category, options: [{ value: "", text: "Not given" }, ...Object.entries(budgetCategories).map(([value, text]) => ({ value, text }))] })}
    ${radios({
      name: "otherFunding",
      legend: { text: "Does other funding pay for part of this cost?", classes: "govuk-fieldset__legend--s" },
      inline: true,
      value: values.otherFunding,
      error: errors.otherFunding,
      items: [
        { value: "yes", text: "Yes" },
        { value: "no", text: "No" },
      ],
    })}`;
}

const removeButton = (c: Context<AppEnv>, action: string, what: string) =>
  html`<form method="post" action="${action}" novalidate>${csrfField(c)}<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> ${what}</span></button></form>`;

// The budget and documents pages share one frame: a list of what is there, then a form to add one.
function draftSectionPage(
  c: Context<AppEnv>,
  application: GrantApplication,
  errors: FieldErrors,
  status: 200 | FormErrorStatus,
  section: {
    title: string;
    notification: ReturnType<typeof flashFrom>;
    intro: string;
    list: SafeHtml;
    addHeading: string;
    form: SafeHtml;
  },
): Response {
  return renderPage(c, {
    title: section.title,
    errors,
    status,
    backLink: base(application.id),
    notification: section.notification,
    content: html`<span class="govuk-caption-l">${application.reference}</span>
      <h1 class="govuk-heading-l">${section.title}</h1>
      <p class="govuk-body">${section.intro}</p>
      ${section.list}
      <h2 class="govuk-heading-m">${section.addHeading}</h2>
      ${formError(errors)}
      ${section.form}
      <p class="govuk-body"><a class="govuk-link" href="${base(application.id)}">Back to your application</a></p>`,
  });
}

async function budgetPage(
  c: Context<AppEnv>,
  application: GrantApplication,
  { values, errors, status }: Submitted = firstView,
): Promise<Response> {
  const db = c.get("services").database.db;
  const lines = await listBudgetLines(db, application.organisationId, application.id);
  const url = `${base(application.id)}/budget`;
  return draftSectionPage(c, application, errors, status, {
    title: "Budget",
    notification: flashFrom(c, {
      added: "Budget line added",
      changed: "Budget line changed",
      removed: "Budget line removed",
    }),
    intro:
      "List what the money is for, one cost on each line. The lines must add up to the amount you are asking for.",
    list: budgetTable(
      application,
      lines,
      (line) =>
        html`<a class="govuk-link" href="${url}/${line.id}">Change<span class="govuk-visually-hidden"> ${line.description}</span></a> ${removeButton(c, `${url}/${line.id}/remove`, line.description)}`,
    ),
    addHeading: "Add a budget line",
    form: html`<form method="post" action="${url}" novalidate>${csrfField(c)}
        ${lineFields(values, errors)}
        ${button({ text: "Add budget line" })}
      </form>`,
  });
}

function linePage(
  c: Context<AppEnv>,
  application: GrantApplication,
  line: GrantBudgetLine,
  values: Values,
  errors: FieldErrors = {},
  status: 200 | FormErrorStatus = 200,
): Response {
  return renderPage(c, {
    title: "Change budget line",
    errors,
    status,
    backLink: `${base(application.id)}/budget`,
    content: html`<span class="govuk-caption-l">${application.reference}</span>
      <h1 class="govuk-heading-l">Change budget line</h1>
      ${formError(errors)}
      <form method="post" action="${base(application.id)}/budget/${line.id}" novalidate>${csrfField(c)}
        ${lineFields(values, errors)}
        ${button({ text: "Save budget line" })}
      </form>`,
  });
}

async function documentsPage(
  c: Context<AppEnv>,
  application: GrantApplication,
  { values, errors, status }: Submitted = firstView,
): Promise<Response> {
  const db = c.get("services").database.db;
  const documents = await listApplicationDocuments(db, application.organisationId, application.id);
  const url = `${base(application.id)}/documents`;
  return draftSectionPage(c, application, errors, status, {
    title: "Supporting documents",
    notification: flashFrom(c, { uploaded: "Document uploaded", removed: "Document removed" }),
    intro:
      "Send the documents the programme asks for, such as your constitution, latest accounts, safeguarding policy and quotes for what you will buy.",
    list: documentsTable(documents, url, (document) =>
      removeButton(c, `${url}/${document.id}/remove`, document.fileName),
    ),
    addHeading: "Upload a document",
    form: html`<form method="post" action="${url}" enctype="multipart/form-data" novalidate>${csrfField(c)}
        ${radios({ name: "documentType", legend: { text: "What is the document?", classes: "govuk-fieldset__legend--s" }, value: values.documentType, error: errors.documentType, items: Object.entries(applicationDocumentTypes).map(([value, text]) => ({ value, text })) })}
        ${fileUpload({ name: "document", label: "Upload a file", hint: `${describeKinds(applicationFileKinds)}, smaller than 10 MB`, error: errors.document, accept: acceptAttribute(applicationFileKinds) })}
        ${button({ text: "Upload document" })}
      </form>`,
  });
}

const lineValues = (line: GrantBudgetLine): Values => ({
  description: line.description,
  amount: penceAsPounds(line.amountPence),
  category: line.category ?? "",
  otherFunding: line.otherFunding ? "yes" : "no",
});

export function budgetPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = (c: Context<AppEnv>) => c.get("services").database.db;
  const draft = (c: Context<AppEnv>, actor: Actor) =>
    loadDraftForChange(db(c), actor, c.req.param("id") ?? "");

  app.get("/grants/apply/applications/:id/budget", async (c) =>
    budgetPage(c, await draft(c, requireActor(c))),
  );
  app.post("/grants/apply/applications/:id/budget", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() =>
      addBudgetLine(db(c), actor, c.get("now"), c.req.param("id"), form),
    );
    if (!result.ok)
      return budgetPage(c, await draft(c, actor), {
        values: form,
        errors: result.errors,
        status: result.status,
      });
    return c.redirect(`${base(c.req.param("id"))}/budget?done=added`, 303);
  });
  app.get("/grants/apply/applications/:id/budget/:lineId", async (c) => {
    const actor = requireActor(c);
    const line = await getBudgetLine(db(c), actor, c.req.param("id"), c.req.param("lineId"));
    return linePage(c, await draft(c, actor), line, lineValues(line));
  });
  app.post("/grants/apply/applications/:id/budget/:lineId", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const { id, lineId } = c.req.param();
    const result = await attemptForForm(() => changeBudgetLine(db(c), actor, c.get("now"), id, lineId, form));
    if (result.ok) return c.redirect(`${base(id)}/budget?done=changed`, 303);
    const line = await getBudgetLine(db(c), actor, id, lineId);
    return linePage(c, await draft(c, actor), line, form, result.errors, result.status);
  });
  app.post("/grants/apply/applications/:id/budget/:lineId/remove", async (c) => {
    const { id, lineId } = c.req.param();
    await removeBudgetLine(db(c), requireActor(c), c.get("now"), id, lineId);
    return c.redirect(`${base(id)}/budget?done=removed`, 303);
  });

  app.get("/grants/apply/applications/:id/documents", async (c) =>
    documentsPage(c, await draft(c, requireActor(c))),
  );
  app.post("/grants/apply/applications/:id/documents", async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody();
    const file = body.document instanceof File ? body.document : undefined;
    const documentType = typeof body.documentType === "string" ? body.documentType : "";
    const result = await attemptForForm(
      async () =>
        uploadApplicationDocument(db(c), actor, c.get("now"), c.req.param("id"), {
          documentType,
          file: file && { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        }),
      { field: "document" },
    );
    if (!result.ok)
      return documentsPage(c, await draft(c, actor), {
        values: { documentType },
        errors: result.errors,
        status: result.status,
      });
    return c.redirect(`${base(c.req.param("id"))}/documents?done=uploaded`, 303);
  });
  app.post("/grants/apply/applications/:id/documents/:documentId/remove", async (c) => {
    const { id, documentId } = c.req.param();
    await removeApplicationDocument(db(c), requireActor(c), c.get("now"), id, documentId);
    return c.redirect(`${base(id)}/documents?done=removed`, 303);
  });

  // One download for the applicant's organisation and for staff; the command decides who may.
  const download = async (c: Context<AppEnv>) => {
    const actor = requireActor(c);
    // The role before the look-up: only applicants and staff ever read these (issue 18 item 6).
    requireAllowed(
      canApply(actor) || canViewGrants(actor),
      "Only applicants and grant staff can read these documents.",
    );
    const document = await downloadApplicationDocument(
      db(c),
      actor,
      c.get("now"),
      c.req.param("id") ?? "",
      c.req.param("documentId") ?? "",
    );
    return storedFileDownload(c, document);
  };
  app.get("/grants/apply/applications/:id/documents/:documentId", download);
  app.get("/grants/manage/applications/:id/documents/:documentId", download);
  return app;
}

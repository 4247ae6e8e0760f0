import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  html,
  radios,
  type SafeHtml,
  select,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { recordTriggerReview } from "../commands/community-trigger.ts";
import { generateLetter, getDocument, listLetterTemplates } from "../commands/letters.ts";
import {
  publishableCaseFieldNames,
  publishableCaseFields,
  setPublication,
} from "../commands/publication-and-sharing.ts";
import { completeAction, recordAction } from "../commands/record-action.ts";
import { activeRiskMatrix, recordAssessment } from "../commands/record-assessment.ts";
import { recordFurtherReport } from "../commands/record-report.ts";
import { addCaseNote } from "../commands/update-case.ts";
import { actionTypes, ground7aConditions } from "../domain/actions.ts";
import { partyRoleNames } from "../domain/categories.ts";
import { riskBands } from "../domain/risk-matrix.ts";
import { getCase } from "../queries/get-case.ts";
import { openTriggerReview } from "../queries/trigger-review.ts";
import { findCase } from "../store.ts";
import { attempt, csrfField, documentDownload, listValue, requireCaseWorker } from "./common.ts";

type FormRender = (
  c: Context<AppEnv>,
  caseId: string,
  values: Record<string, string>,
  errors: FieldErrors,
) => Promise<SafeHtml>;

/**
 * One GET (empty form) and one POST (command, then 303 back to the case) per case form. A form with an
 * address search also posts with intent "find-address": `refresh` then runs the search and the form is
 * shown again with the matches (or the search's error), saving nothing.
 */
export function caseForm(
  app: Hono<AppEnv>,
  path: string,
  title: string,
  render: FormRender,
  submit: (c: Context<AppEnv>, caseId: string, values: Record<string, string>) => Promise<unknown>,
  refresh?: (c: Context<AppEnv>, values: Record<string, string>) => Promise<FieldErrors>,
): void {
  const page = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: FieldErrors,
    status: 200 | 409 | 413 | 422,
  ) => {
    const actor = requireCaseWorker(c);
    const caseId = c.req.param("id") ?? "";
    const found = await findCase(c.get("services").database.db, actor, caseId);
    const body = await render(c, found.id, values, errors);
    return renderPage(c, {
      title: `${title}: ${found.reference}`,
      errors,
      status,
      backLink: `/safety/cases/${found.id}`,
      content: html`<span class="govuk-caption-l">Case ${found.reference}</span><h1 class="govuk-heading-l">${title}</h1><form method="post" action="/safety/cases/${found.id}/${path}" novalidate>${csrfField(c)}${body}</form>`,
    });
  };
  app.get(`/safety/cases/:id/${path}`, (c) => page(c, {}, {}, 200));
  app.post(`/safety/cases/:id/${path}`, async (c) => {
    requireCaseWorker(c);
    const values = await readForm(c);
    const caseId = c.req.param("id");
    if (refresh && values.intent === "find-address") {
      const errors = await refresh(c, values);
      return page(c, { ...values, place: "" }, errors, Object.keys(errors).length > 0 ? 422 : 200);
    }
    const result = await attempt(
      () => submit(c, caseId, values),
      (errors, problem) => page(c, values, errors, problem.status as 409 | 413 | 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${caseId}?done=${path.startsWith("letters") ? "letter" : "saved"}`, 303);
  });
}

const dateParts = (value: string | undefined) => {
  const [year = "", month = "", day = ""] = (value ?? "").split("-");
  return { year, month, day };
};

export function caseForms(app: Hono<AppEnv>): void {
  const db = (c: Context<AppEnv>) => c.get("services").database.db;

  caseForm(
    app,
    "assess",
    "Assess risk to the victim",
    async (c, _caseId, values, errors) => {
      const matrix = await activeRiskMatrix(db(c), requireActor(c).organisationId);
      return html`<p class="govuk-body">${matrix.name}, version ${matrix.version}.</p>
      ${matrix.definition.questions.map((q) => radios({ name: q.key, legend: { text: q.text, classes: "govuk-fieldset__legend--s" }, value: values[q.key], error: errors[q.key], small: true, items: q.options.map((o) => ({ value: o.value, text: o.text })) }))}
      ${select({ name: "overrideBand", label: "Change the band (optional)", value: values.overrideBand, error: errors.overrideBand, options: [{ value: "", text: "Use the calculated band" }, ...riskBands.map((b) => ({ value: b, text: b }))] })}
      ${textarea({ name: "overrideReason", label: "Reason for changing the band", value: values.overrideReason, error: errors.overrideReason, rows: 3 })}
      ${button({ text: "Save assessment" })}`;
    },
    async (c, caseId, values) => {
      const { overrideBand, overrideReason, ...answers } = values;
      await recordAssessment(db(c), requireActor(c), c.get("now"), caseId, {
        answers,
        overrideBand: (overrideBand || null) as (typeof riskBands)[number] | null,
        overrideReason: overrideReason || null,
      });
    },
  );

  caseForm(
    app,
    "actions/new",
    "Record an action",
    async (c, caseId, values, errors) => {
      const file = await getCase(db(c), requireActor(c), c.get("now"), caseId);
      return html`${select({ name: "actionType", label: "Action", value: values.actionType, error: errors.actionType, options: [{ value: "", text: "Choose an action" }, ...actionTypes.map((t) => ({ value: t.code, text: t.name }))] })}
      ${select({ name: "partyId", label: "Who it concerns (optional)", value: values.partyId, error: errors.partyId, options: [{ value: "", text: "The case as a whole" }, ...file.parties.map((p) => ({ value: p.id, text: `${p.displayName} (${partyRoleNames[p.role as keyof typeof partyRoleNames]})` }))] })}
      ${textarea({ name: "terms", label: "Terms, requirements or notes", value: values.terms, error: errors["details.terms"] ?? errors["details.requirements"] ?? errors["details.notes"], rows: 3 })}
      ${textInput({ name: "other", label: "Provider, agency, grounds, premises or contractor (where the action needs one)", value: values.other, error: errors["details.provider"] ?? errors["details.agency"] ?? errors["details.grounds"] ?? errors["details.premises"] ?? errors["details.agencies"] })}
      ${dateInput({ name: "keyDate", legend: { text: "Review, expiry, served or made date (where the action needs one)", classes: "govuk-fieldset__legend--s" }, error: errors["details.reviewOn"] ?? errors["details.expiresOn"] ?? errors["details.servedOn"] ?? errors["details.madeOn"] ?? errors["details.appointmentOn"], value: dateParts(values.keyDate) })}
      ${select({ name: "ground7aCondition", label: "Ground 7A condition (possession orders only)", value: values.ground7aCondition, options: [{ value: "", text: "Not Ground 7A" }, ...Object.entries(ground7aConditions).map(([value, text]) => ({ value, text }))] })}
      ${dateInput({ name: "triggeredOn", legend: { text: "Date of the conviction, finding or closure order (Ground 7A)", classes: "govuk-fieldset__legend--s" }, error: errors["details.triggeredOn"], value: dateParts(values.triggeredOn) })}
      ${textInput({ name: "cost", label: "Cost in pounds (clearance)", value: values.cost, error: errors.costPence, width: 10, inputmode: "decimal", prefix: "£" })}
      ${checkboxes({ name: "published", legend: { text: "Complainant portal", classes: "govuk-fieldset__legend--s" }, values: values.published ? ["yes"] : [], items: [{ value: "yes", text: "Show this action to the complainant" }] })}
      ${button({ text: "Save action" })}`;
    },
    async (c, caseId, values) => {
      const keyDate = dateFromParts(values, "keyDate");
      const triggeredOn = dateFromParts(values, "triggeredOn");
      const text = values.terms || undefined;
      const other = values.other || undefined;
      const details: Record<string, unknown> = {
        notes: text,
        terms: text,
        requirements: text,
        provider: other,
        agency: other,
        grounds: other,
        premises: other,
        agencies: other,
        contractor: other,
        reviewOn: keyDate || undefined,
        expiresOn: keyDate || undefined,
        servedOn: keyDate || undefined,
        madeOn: keyDate || undefined,
        appointmentOn: keyDate || undefined,
        ground7aCondition: values.ground7aCondition || undefined,
        triggeredOn: triggeredOn || undefined,
        kind: "written",
        check: "gas",
      };
      let costPence: number | null = null;
      if (values.cost?.trim()) {
        const match = /^£?(\d{1,7})(?:\.(\d{1,2}))?$/.exec(values.cost.trim().replace(/,/g, ""));
        costPence = match ? Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0")) : -1;
      }
      await recordAction(db(c), requireActor(c), c.get("now"), caseId, {
        actionType: values.actionType ?? "",
        partyId: values.partyId || null,
        details,
        costPence,
        published: values.published === "yes",
      });
    },
  );

  app.post("/safety/cases/:id/actions/:actionId/complete", async (c) => {
    await completeAction(db(c), requireActor(c), c.get("now"), c.req.param("id"), c.req.param("actionId"));
    return c.redirect(`/safety/cases/${c.req.param("id")}?done=saved`, 303);
  });

  caseForm(
    app,
    "reports/new",
    "Record a further report",
    async (_c, _id, values, errors) => html`
      ${dateInput({ name: "reportedOn", legend: { text: "When did it happen?", classes: "govuk-fieldset__legend--s" }, error: errors.reportedOn, value: dateParts(values.reportedOn) })}
      ${textarea({ name: "description", label: "What happened", value: values.description, error: errors.description, rows: 5 })}
      ${button({ text: "Save report" })}`,
    (c, caseId, values) =>
      recordFurtherReport(db(c), requireActor(c), c.get("now"), caseId, {
        reportedOn: dateFromParts(values, "reportedOn"),
        description: values.description ?? "",
      }),
  );

  caseForm(
    app,
    "notes/new",
    "Add a note or contact",
    async (_c, _id, values, errors) => html`
      ${radios({
        name: "kind",
        legend: { text: "Type", classes: "govuk-fieldset__legend--s" },
        value: values.kind,
        error: errors.kind,
        inline: true,
        items: [
          { value: "note", text: "Note" },
          { value: "contact", text: "Contact" },
        ],
      })}
      ${textInput({ name: "title", label: "Title", value: values.title, error: errors.title })}
      ${textarea({ name: "body", label: "Details", value: values.body, error: errors.body, rows: 6 })}
      ${checkboxes({ name: "published", legend: { text: "Complainant portal", classes: "govuk-fieldset__legend--s" }, values: values.published ? ["yes"] : [], items: [{ value: "yes", text: "Share with the complainant (other parties' details are redacted)" }] })}
      ${button({ text: "Save" })}`,
    (c, caseId, values) =>
      addCaseNote(db(c), requireActor(c), c.get("now"), caseId, {
        kind: (values.kind || undefined) as "note" | "contact",
        title: values.title ?? "",
        body: values.body || null,
        published: values.published === "yes",
      }),
  );

  caseForm(
    app,
    "publication",
    "What the complainant sees",
    async (c, caseId, values, errors) => {
      const found = await findCase(db(c), requireActor(c), caseId);
      const chosen =
        values.publishedFields !== undefined ? listValue(values.publishedFields) : found.publishedFields;
      return html`<p class="govuk-body">The complainant always sees the reference, category, status and dates. Nothing else is shared unless you choose it here or on a timeline entry or action. Other parties' names, addresses, contact details and notes are never shown.</p>
      ${checkboxes({ name: "publishedFields", legend: { text: "Also share", classes: "govuk-fieldset__legend--s" }, values: chosen, error: errors.publishedFields, items: publishableCaseFields.map((f) => ({ value: f, text: publishableCaseFieldNames[f] })) })}
      ${textarea({ name: "nextStep", label: "Next step", value: values.nextStep ?? found.nextStep ?? "", error: errors.nextStep, rows: 3 })}
      ${button({ text: "Save" })}`;
    },
    (c, caseId, values) =>
      setPublication(db(c), requireActor(c), c.get("now"), caseId, {
        publishedFields: listValue(values.publishedFields) as (typeof publishableCaseFields)[number][],
        nextStep: values.nextStep ?? null,
      }),
  );

  caseForm(
    app,
    "letters/new",
    "Generate a letter",
    async (c, caseId, values, errors) => {
      const actor = requireActor(c);
      const [templates, file] = await Promise.all([
        listLetterTemplates(db(c), actor),
        getCase(db(c), actor, c.get("now"), caseId),
      ]);
      return html`${radios({ name: "templateCode", legend: { text: "Letter", classes: "govuk-fieldset__legend--s" }, value: values.templateCode, error: errors.templateCode, items: templates.map((t) => ({ value: t.code, text: t.name })) })}
      ${radios({ name: "partyId", legend: { text: "To", classes: "govuk-fieldset__legend--s" }, value: values.partyId, error: errors.partyId, items: file.parties.map((p) => ({ value: p.id, text: `${p.displayName} (${partyRoleNames[p.role as keyof typeof partyRoleNames]})` })) })}
      ${button({ text: "Generate PDF" })}`;
    },
    (c, caseId, values) =>
      generateLetter(db(c), requireActor(c), c.get("now"), caseId, {
        templateCode: values.templateCode ?? "",
        partyId: values.partyId ?? "",
      }),
  );

  app.get("/safety/cases/:id/trigger/:reviewId", async (c) => {
    return triggerForm(c, {}, {}, 200);
  });
  const triggerForm = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: FieldErrors,
    status: 200 | 409 | 422,
  ) => {
    const { record: found, review } = await openTriggerReview(
      db(c),
      requireActor(c),
      c.req.param("id") ?? "",
      c.req.param("reviewId") ?? "",
    );
    return renderPage(c, {
      title: "Community Trigger review",
      errors,
      status,
      backLink: `/safety/cases/${found.id}`,
      content: html`<h1 class="govuk-heading-l">Community Trigger review</h1>
      <form method="post" action="/safety/cases/${found.id}/trigger/${review.id}" novalidate>${csrfField(c)}
      ${radios({
        name: "status",
        legend: { text: "Result", classes: "govuk-fieldset__legend--s" },
        value: values.status,
        error: errors.status,
        items: [
          { value: "review-held", text: "Case review held" },
          { value: "no-further-action", text: "Threshold met, but no further action" },
        ],
      })}
      ${textarea({ name: "outcome", label: "Outcome and recommendations", value: values.outcome, error: errors.outcome, rows: 5 })}
      ${button({ text: "Save review" })}</form>`,
    });
  };
  app.post("/safety/cases/:id/trigger/:reviewId", async (c) => {
    const values = await readForm(c);
    const result = await attempt(
      () =>
        recordTriggerReview(
          db(c),
          requireActor(c),
          c.get("now"),
          c.req.param("id"),
          c.req.param("reviewId"),
          { status: (values.status || undefined) as "review-held", outcome: values.outcome ?? "" },
        ),
      (errors, problem) => triggerForm(c, values, errors, problem.status as 409 | 422),
    );
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${c.req.param("id")}?done=saved`, 303);
  });

  app.get("/safety/cases/:id/documents/:documentId", async (c) => {
    const document = await getDocument(
      db(c),
      requireActor(c),
      c.get("now"),
      c.req.param("id"),
      c.req.param("documentId"),
    );
    return documentDownload(c, document);
  });
}

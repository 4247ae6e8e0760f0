import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormPage } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  html,
  summaryList,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { publishRiskMatrix } from "../commands/record-assessment.ts";
import { riskBands } from "../domain/risk-matrix.ts";
import { questionsFromText, questionsToText } from "../domain/risk-matrix-text.ts";
import { listRiskMatrices } from "../queries/risk-matrices.ts";
import { attempt, csrfField } from "./common.ts";

// Risk matrix versions (managers): view each version, and publish a new one from a form. Assessments
// already made keep the version they were scored with.

const db = (c: Context<AppEnv>) => c.get("services").database.db;
const numberFields = ["bandMedium", "bandHigh", "reviewStandard", "reviewMedium", "reviewHigh"] as const;

function formNumber(value: string | undefined): number {
  const text = (value ?? "").trim();
  return /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
}

/** Where the matrix schema's error paths show on the form. */
function formField(path: string): string {
  if (path.startsWith("questions")) return "questions";
  const map: Record<string, string> = {
    "bands.medium": "bandMedium",
    "bands.high": "bandHigh",
    bands: "bandHigh",
    "reviewDays.standard": "reviewStandard",
    "reviewDays.medium": "reviewMedium",
    "reviewDays.high": "reviewHigh",
  };
  return map[path] ?? (path === "name" ? "name" : "questions");
}

export function riskMatrixPages(app: Hono<AppEnv>): void {
  app.get("/safety/risk-matrices", async (c) => {
    const versions = await listRiskMatrices(db(c), requireActor(c));
    return renderPage(c, {
      title: "Risk matrix versions",
      backLink: "/safety/settings",
      notification: flashFrom(c, { published: "The new risk matrix version is now in use." }),
      content: html`<h1 class="govuk-heading-l">Risk matrix versions</h1>
        <p class="govuk-body">New assessments use the newest version. Earlier assessments keep the version they were scored with.</p>
        <a class="govuk-button" href="/safety/risk-matrices/new" data-module="govuk-button">Create a new version</a>
        ${table({
          caption: "Versions",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Version" },
            { text: "Name" },
            { text: "Published" },
            { text: "Questions" },
            { text: "Assessments", numeric: true },
          ],
          rows: versions.map((v, index) => [
            html`<a class="govuk-link" href="/safety/risk-matrices/${v.version}">Version ${v.version}</a>${index === 0 ? " (in use)" : ""}`,
            v.name,
            v.createdAt ? formatDate(v.createdAt) : "Kith default",
            String(v.definition.questions.length),
            String(v.assessments),
          ]),
        })}`,
    });
  });

  app.get("/safety/risk-matrices/:version{[0-9]+}", async (c) => {
    const versions = await listRiskMatrices(db(c), requireActor(c));
    const matrix = versions.find((v) => v.version === Number(c.req.param("version")));
    if (!matrix) throw notFound("Risk matrix version not found");
    const d = matrix.definition;
    return renderPage(c, {
      title: `Risk matrix version ${matrix.version}`,
      backLink: "/safety/risk-matrices",
      content: html`<h1 class="govuk-heading-l">Risk matrix version ${matrix.version}: ${matrix.name}</h1>
        ${summaryList([
          {
            key: "Bands",
            value: `Standard below ${d.bands.medium}; medium from ${d.bands.medium}; high from ${d.bands.high}`,
          },
          { key: "Review every", value: riskBands.map((b) => `${b} ${d.reviewDays[b]} days`).join("; ") },
          { key: "Assessments using it", value: String(matrix.assessments) },
        ])}
        ${table({
          caption: "Questions and answer weights",
          head: [{ text: "Question" }, { text: "Answers (weight)" }],
          rows: d.questions.map((q) => [q.text, q.options.map((o) => `${o.text} (${o.weight})`).join(", ")]),
        })}`,
    });
  });

  const newPage: FormPage = async (c, values, errors = {}, status = 200) => {
    const [current] = await listRiskMatrices(db(c), requireActor(c));
    if (!current) throw notFound("Risk matrix not found");
    const d = current.definition;
    const v = values ?? {
      name: current.name,
      questions: questionsToText(d.questions),
      bandMedium: String(d.bands.medium),
      bandHigh: String(d.bands.high),
      reviewStandard: String(d.reviewDays.standard),
      reviewMedium: String(d.reviewDays.medium),
      reviewHigh: String(d.reviewDays.high),
    };
    const numberInput = (name: string, label: string) =>
      textInput({ name, label, value: v[name], error: errors[name], width: 4, inputmode: "numeric" });
    return renderPage(c, {
      title: "Create a risk matrix version",
      errors,
      status,
      backLink: "/safety/risk-matrices",
      content: html`<h1 class="govuk-heading-l">Create a risk matrix version</h1>
        <p class="govuk-body">This starts from version ${current.version}. Publishing makes it version ${current.version + 1}.</p>
        <form method="post" action="/safety/risk-matrices/new" novalidate>${csrfField(c)}
          ${textInput({ name: "name", label: "Name", value: v.name, error: errors.name })}
          ${textarea({ name: "questions", label: "Questions and weighted answers", hint: 'A question is "key | question". Under it, one answer a line: "- value | answer | weight" (weight 0 to 100).', value: v.questions, error: errors.questions, rows: 24 })}
          <h2 class="govuk-heading-m">Bands</h2>
          ${numberInput("bandMedium", "Medium risk from a score of")}
          ${numberInput("bandHigh", "High risk from a score of")}
          <h2 class="govuk-heading-m">Review cadence</h2>
          ${numberInput("reviewStandard", "Review standard risk cases every (days)")}
          ${numberInput("reviewMedium", "Review medium risk cases every (days)")}
          ${numberInput("reviewHigh", "Review high risk cases every (days)")}
          ${button({ text: "Publish version" })}
        </form>`,
    });
  };
  app.get("/safety/risk-matrices/new", (c) => newPage(c, null));
  app.post("/safety/risk-matrices/new", async (c) => {
    const values = await readForm(c);
    const parsed = questionsFromText(values.questions ?? "");
    const errors: FieldErrors = parsed.ok ? {} : { questions: parsed.error };
    for (const name of numberFields)
      if (Number.isNaN(formNumber(values[name]))) errors[name] = "Enter a whole number";
    if (!parsed.ok || Object.keys(errors).length > 0) return newPage(c, values, errors, 422);
    const result = await attempt(
      () =>
        publishRiskMatrix(db(c), requireActor(c), c.get("now"), {
          name: values.name ?? "",
          definition: {
            questions: parsed.questions,
            bands: { medium: formNumber(values.bandMedium), high: formNumber(values.bandHigh) },
            reviewDays: {
              standard: formNumber(values.reviewStandard),
              medium: formNumber(values.reviewMedium),
              high: formNumber(values.reviewHigh),
            },
          },
        }),
      (problem) =>
        newPage(
          c,
          values,
          Object.fromEntries(Object.entries(problem).map(([k, m]) => [formField(k), m])),
          422,
        ),
    );
    if (result instanceof Response) return result;
    return c.redirect("/safety/risk-matrices?done=published", 303);
  });
}

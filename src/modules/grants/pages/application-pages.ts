import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDateTime,
  html,
  radios,
  select,
  summaryList,
  table,
  textarea,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { assessApplication } from "../commands/assess-application.ts";
import { decideApplication, moderateApplication } from "../commands/decide-application.ts";
import { returnApplication } from "../commands/return-application.ts";
import { canAssess, canDecide } from "../policy.ts";
import { getApplicationForStaff } from "../queries/programmes.ts";
import { formatScore, maxScore, meanScoreBp } from "../rules.ts";
import {
  type AgreementChoices,
  agreementChoices,
  agreementFieldsHtml,
  agreementInput,
} from "./agreement-fields.ts";
import { answersList } from "./apply-forms.ts";
import { budgetTable, documentsTable } from "./budget-section.ts";
import { applicationTag, formError } from "./page-helpers.ts";
import { type FailedForm, recordForms } from "./record-forms.ts";
import { returnSection } from "./return-section.ts";

type Loaded = Awaited<ReturnType<typeof getApplicationForStaff>> & AgreementChoices;
type Failed = FailedForm<"assess" | "moderate" | "decide" | "return">;

function page(c: Context<AppEnv>, actor: Actor, loaded: Loaded, failed?: Failed): Response {
  const { application, programme, assessments } = loaded;
  const mine = assessments.some((a) => actor.kind === "user" && a.assessorUserId === actor.userId);
  const values = failed?.values ?? {};
  const errorsFor = (form: Failed["form"]) => (failed?.form === form ? failed.errors : {});
  const base = `/grants/manage/applications/${application.id}`;
  const mean = meanScoreBp(assessments);

  const assessForm =
    canAssess(actor) && application.status === "submitted" && !mine
      ? html`<h2 class="govuk-heading-m">Assess this application</h2>${formError(errorsFor("assess"))}
        <form method="post" action="${base}/assess" novalidate>${csrfField(c)}
          ${radios({
            name: "conflictDeclared",
            legend: {
              text: "Do you have a conflict of interest with this applicant?",
              classes: "govuk-fieldset__legend--s",
            },
            hint: "For example, you are a member, trustee, employee or relative of someone involved",
            inline: true,
            value: values.conflictDeclared,
            error: errorsFor("assess").conflictDeclared,
            items: [
              { value: "no", text: "No" },
              { value: "yes", text: "Yes" },
            ],
          })}
          ${textarea({ name: "conflictDetail", label: "If yes, describe the conflict (you will not score)", value: values.conflictDetail, error: errorsFor("assess").conflictDetail, rows: 2 })}
          ${programme.scoringCriteria.map((criterion) =>
            select({
              name: `scores.${criterion.id}`,
              id: `scores-${criterion.id}`,
              label: `${criterion.name} (weight ${criterion.weight})`,
              value: values[`scores.${criterion.id}`] ?? "",
              error: errorsFor("assess")[`scores.${criterion.id}`],
              options: [
                { value: "", text: "Choose a score" },
                ...Array.from({ length: maxScore + 1 }, (_, score) => ({
                  value: String(score),
                  text: `${score}${score === 0 ? " (no evidence)" : score === maxScore ? " (excellent)" : ""}`,
                })),
              ],
            }),
          )}
          ${textarea({ name: "comment", label: "Comments (optional)", value: values.comment, error: errorsFor("assess").comment, rows: 3 })}
          ${button({ text: "Save assessment" })}
        </form>`
      : "";
  const moderateForm =
    canDecide(actor) && application.status === "submitted" && mean !== null
      ? html`<h2 class="govuk-heading-m">Moderate</h2>${formError(errorsFor("moderate"))}
        <p class="govuk-body">The assessors' mean score is ${formatScore(mean)}.</p>
        <form method="post" action="${base}/moderate" novalidate>${csrfField(c)}
          ${textInput({ name: "moderatedScore", label: "Moderated score (optional)", hint: "A percentage from 0 to 100. Leave blank to use the assessors' mean.", suffix: "%", value: values.moderatedScore, error: errorsFor("moderate").moderatedScore, width: 4, inputmode: "decimal" })}
          ${textarea({ name: "note", label: "Moderation note", value: values.note, error: errorsFor("moderate").note, rows: 3 })}
          ${button({ text: "Save moderation" })}
        </form>`
      : "";
  const decideForm =
    canDecide(actor) && (application.status === "moderated" || application.status === "waitlisted")
      ? html`<h2 class="govuk-heading-m">Decision</h2>${formError(errorsFor("decide"))}
        <form method="post" action="${base}/decide" novalidate>${csrfField(c)}
          ${radios({
            name: "decision",
            legend: { text: "Decision", classes: "govuk-fieldset__legend--s" },
            value: values.decision,
            error: errorsFor("decide").decision,
            items: [
              { value: "award", text: "Award a grant" },
              { value: "waitlist", text: "Put on the waiting list" },
              { value: "decline", text: "Decline" },
            ],
          })}
          ${textarea({ name: "reason", label: "Reasons for the decision", hint: "The applicant will see these", value: values.reason, error: errorsFor("decide").reason, rows: 3 })}
          <h3 class="govuk-heading-s">If you award a grant: the grant agreement</h3>
          ${textInput({ name: "amountAwarded", label: "Amount awarded", prefix: "£", value: values.amountAwarded, error: errorsFor("decide").amountAwarded, width: 10, inputmode: "decimal" })}
          ${agreementFieldsHtml(values, errorsFor("decide"), loaded)}
          ${button({ text: "Record decision" })}
        </form>`
      : "";

  return renderPage(c, {
    title: `Application ${application.reference}`,
    errors: failed?.errors,
    status: failed?.status ?? 200,
    notification: flashFrom(c, {
      assessed: "Assessment saved",
      moderated: "Moderation saved",
      decided: "Decision recorded",
      returned: "Application returned to the applicant for changes",
    }),
    breadcrumbs: [
      { href: "/grants/manage/programmes", text: "Programmes" },
      { href: `/grants/manage/programmes/${programme.id}`, text: programme.title },
    ],
    content: html`<span class="govuk-caption-l">${programme.title}</span>
      <h1 class="govuk-heading-l">${application.projectTitle ?? "Application"} <span class="govuk-visually-hidden">,</span>${application.reference}</h1>
      <p class="govuk-body">${applicationTag(application.status)} Sent ${application.submittedAt ? formatDateTime(application.submittedAt) : ""}</p>
      ${application.status === "ineligible" ? warningText(`Not eligible: ${application.eligibilityReasons.join("; ")}`) : ""}
      ${
        application.decisionReason
          ? summaryList([
              { key: "Decision", value: `${application.status} by ${application.decidedBy ?? ""}` },
              { key: "Reasons", value: application.decisionReason },
            ])
          : ""
      }
      ${returnSection(c, actor, application, loaded.returns, values, errorsFor("return"))}
      ${answersList(programme, application, false)}
      <h2 class="govuk-heading-m">Assessments</h2>
      ${
        assessments.length === 0
          ? html`<p class="govuk-body">No assessments yet.</p>`
          : table({
              caption: "Assessments",
              captionClasses: "govuk-visually-hidden",
              head: [
                { text: "Assessor" },
                { text: "Conflict of interest" },
                ...programme.scoringCriteria.map((s) => ({ text: s.name, numeric: true })),
                { text: "Weighted score", numeric: true },
              ],
              rows: assessments.map((a) => [
                a.assessorName,
                a.conflictDeclared ? `Yes: ${a.conflictDetail ?? ""}` : "None",
                ...programme.scoringCriteria.map((s) => ({
                  content: a.conflictDeclared ? "–" : String(a.scores[s.id] ?? "–"),
                  numeric: true,
                })),
                { content: formatScore(a.weightedScoreBp), numeric: true },
              ]),
            })
      }
      ${
        application.moderatedScoreBp !== null
          ? summaryList([
              { key: "Moderated score", value: formatScore(application.moderatedScoreBp) },
              { key: "Moderation note", value: application.moderationNote ?? "" },
            ])
          : ""
      }
      <h2 class="govuk-heading-m">Budget</h2>
      ${budgetTable(application, loaded.budgetLines)}
      <h2 class="govuk-heading-m">Supporting documents</h2>
      ${documentsTable(loaded.documents, `${base}/documents`)}
      ${assessForm}${moderateForm}${decideForm}`,
  });
}

export function applicationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const load = async (c: Context<AppEnv>, actor: Actor): Promise<Loaded> => {
    const db = c.get("services").database.db;
    const loaded = await getApplicationForStaff(db, actor, c.get("now"), c.req.param("id") ?? "");
    return { ...loaded, ...(await agreementChoices(db, actor)) };
  };

  app.get("/grants/manage/applications/:id", async (c) => {
    const actor = requireActor(c);
    return page(c, actor, await load(c, actor));
  });

  const form = recordForms<Failed["form"]>(app, {
    path: "/grants/manage/applications",
    show: async (c, actor, failed) => page(c, actor, await load(c, actor), failed),
  });
  form("assess", { name: "assess", done: "assessed" }, (values, { db, actor, now, id }) =>
    assessApplication(db, actor, now, id, {
      conflictDeclared: (values.conflictDeclared ?? "") as "no",
      conflictDetail: values.conflictDetail,
      scores: Object.fromEntries(
        Object.entries(values)
          .filter(([key]) => key.startsWith("scores."))
          .map(([key, value]) => [key.slice("scores.".length), value]),
      ),
      comment: values.comment,
    }),
  );
  form("moderate", { name: "moderate", done: "moderated" }, (values, { db, actor, now, id }) =>
    moderateApplication(db, actor, now, id, {
      moderatedScore: values.moderatedScore,
      note: values.note ?? "",
    }),
  );
  form(
    "return",
    { name: "return", done: "returned", fieldNames: { reason: "returnReason" } },
    (values, { db, actor, now, id }) =>
      returnApplication(db, actor, now, id, { reason: values.returnReason ?? "" }),
  );
  const awardedGrant = (decided: { grant: { id: string } | null }) =>
    decided.grant ? `/grants/manage/grants/${decided.grant.id}?done=awarded` : undefined;
  form(
    "decide",
    { name: "decide", done: "decided", redirect: awardedGrant },
    (values, { db, actor, now, id }) =>
      decideApplication(db, actor, now, id, {
        decision: values.decision as "award",
        reason: values.reason ?? "",
        amountAwarded: values.amountAwarded ?? "",
        ...agreementInput(values),
      }),
  );

  return app;
}

import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  dateInput,
  fileUpload,
  html,
  select,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import {
  findParticipants,
  getParticipantOutcomes,
  listProjects,
  type OutcomeFile,
  recordOutcome,
} from "../../investment/index.ts";
import { valueBankClaimCheck } from "../claim-check.ts";
import { getActiveValueBank } from "../queries/value-bank.ts";

const maxFileBytes = 5 * 1024 * 1024;

async function outcomeForm(
  c: Context<AppEnv>,
  actor: Actor,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  const db = c.get("services").database.db;
  // Started from a session's register or a person's page, the participant is already known: show
  // their name instead of a drop-down. From a project, its regulars come first in the drop-down.
  const chosen = isUuid(values.participantId ?? "")
    ? await getParticipantOutcomes(db, actor, c.get("now"), values.participantId ?? "").then(
        (found) => found.participant,
        () => null,
      )
    : null;
  const [people, { projects }, bank] = await Promise.all([
    chosen
      ? []
      : findParticipants(db, actor, c.get("now"), { limit: 500, projectId: values.projectId || undefined }),
    listProjects(db, actor, { stage: "active" }),
    getActiveValueBank(db, actor),
  ]);
  const [year, month, day] = (values.achievedOn ?? "").split("-");
  const score = (name: string, label: string, hint: string) =>
    textInput({
      name,
      label,
      hint,
      value: values[name],
      error: errors[name],
      width: 2,
      inputmode: "numeric",
    });
  return renderPage(c, {
    title: "Record an outcome",
    errors,
    status,
    backLink: values.participantId
      ? `/investment/participants/${values.participantId}`
      : "/investment/participants",
    content: html`<h1 class="govuk-heading-l">Record an outcome</h1>
      <form method="post" action="/impact/outcomes/new" enctype="multipart/form-data" novalidate>${csrfField(c)}
        ${chosen ? html`<h2 class="govuk-heading-s govuk-!-margin-bottom-1">Participant</h2><p class="govuk-body">${chosen.displayName} <a class="govuk-link" href="/investment/participants">Change<span class="govuk-visually-hidden"> participant</span></a></p><input type="hidden" name="participantId" value="${chosen.id}">` : select({ name: "participantId", label: "Participant", value: values.participantId, error: errors.participantId, options: [{ value: "", text: "Choose a participant" }, ...people.map((p) => ({ value: p.id, text: p.displayName }))] })}
        ${select({ name: "projectId", label: "Project or service", value: values.projectId, error: errors.projectId, options: [{ value: "", text: "Choose a project" }, ...projects.map((p) => ({ value: p.id, text: p.name }))] })}
        ${select({ name: "valueCode", label: "Value-bank outcome (optional)", hint: bank ? `From ${bank.bank.name}` : "No value bank is in use yet", value: values.valueCode, error: errors.valueCode, options: [{ value: "", text: "None: evidence only" }, ...[...(bank?.rules.outcomes.values() ?? [])].map((o) => ({ value: o.code, text: `${o.name} (${o.code})` }))] })}
        ${dateInput({ name: "achievedOn", legend: { text: "Date achieved", classes: "govuk-fieldset__legend--s" }, hint: "For example, 27 3 2026", error: errors["achievedOn-day"], value: { day, month, year } })}
        <h2 class="govuk-heading-m">Survey</h2>
        ${score("wellbeingBefore", "Wellbeing before (optional)", "Short Warwick-Edinburgh score, 7 to 35")}
        ${score("wellbeingAfter", "Wellbeing after (optional)", "7 to 35")}
        ${score("distanceBefore", "Distance travelled: before (optional)", "Rating from 1 to 10")}
        ${score("distanceAfter", "Distance travelled: after (optional)", "1 to 10")}
        <h2 class="govuk-heading-m">Evidence</h2>
        ${textInput({ name: "evidence", label: "Evidence", hint: "For example: before and after survey, payslip seen, certificate", value: values.evidence, error: errors.evidence })}
        ${textarea({ name: "story", label: "Their story (optional)", hint: "In their words, with their permission. Do not include names: stories may appear in the annual report.", value: values.story, error: errors.story, rows: 4 })}
        ${fileUpload({ name: "files", label: "Files (optional)", hint: "PDF, Word, JPEG, PNG or text; up to 5 MB each", multiple: true, error: errors.files })}
        ${button({ text: "Save outcome" })}
      </form>`,
  });
}

function optionalScore(value: string | undefined): number | null {
  const text = (value ?? "").trim();
  return text === "" ? null : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function outcomePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/impact/outcomes/new", async (c) =>
    outcomeForm(c, requireActor(c), {
      participantId: c.req.query("participantId") ?? "",
      projectId: c.req.query("projectId") ?? "",
    }),
  );
  app.post("/impact/outcomes/new", async (c) => {
    const actor = requireActor(c);
    const body = await c.req.parseBody({ all: true });
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(body))
      if (typeof value === "string" && key !== "_csrf") values[key] = value;
    const achievedOn = dateFromParts(values, "achievedOn");
    const merged = { ...values, achievedOn };
    const uploads = (Array.isArray(body.files) ? body.files : [body.files]).filter(
      (f): f is File => f instanceof File && f.size > 0,
    );
    const tooBig = uploads.find((f) => f.size > maxFileBytes);
    if (tooBig) return outcomeForm(c, actor, merged, { files: `${tooBig.name} is larger than 5 MB` }, 422);
    const files: OutcomeFile[] = await Promise.all(
      uploads.map(async (f) => ({
        fileName: f.name,
        contentType: f.type || "application/octet-stream",
        content: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    const scores = {
      wellbeingBefore: optionalScore(values.wellbeingBefore),
      wellbeingAfter: optionalScore(values.wellbeingAfter),
      distanceBefore: optionalScore(values.distanceBefore),
      distanceAfter: optionalScore(values.distanceAfter),
    };
    const badScore = Object.entries(scores).find(([, v]) => Number.isNaN(v));
    if (badScore) return outcomeForm(c, actor, merged, { [badScore[0]]: "Enter a whole number" }, 422);
    try {
      await callForPage(
        c,
        recordOutcome,
        actor,
        {
          participantId: values.participantId ?? "",
          projectId: values.projectId ?? "",
          valueCode: values.valueCode || null,
          achievedOn,
          ...scores,
          evidence: values.evidence ?? "",
          story: values.story,
        },
        { claimCheck: valueBankClaimCheck, files },
      );
      return c.redirect(`/investment/participants/${values.participantId}?done=outcome`, 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422) {
        const errors = { ...(error.fieldErrors ?? {}) };
        if (errors.achievedOn) {
          errors["achievedOn-day"] = errors.achievedOn;
          delete errors.achievedOn;
        }
        return outcomeForm(c, actor, merged, errors, 422);
      }
      throw error;
    }
  });
  return app;
}

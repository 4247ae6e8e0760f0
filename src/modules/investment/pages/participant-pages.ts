import type { Context } from "hono";
import { Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { type FieldErrors, Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  html,
  radios,
  select,
  summaryList,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { valueOutcomeName, valueOutcomeNames } from "../../impact/index.ts";
import { listOrganisationAreas } from "../../places/index.ts";
import { registerParticipant } from "../commands/register-participant.ts";
import { canRecordDelivery } from "../policy.ts";
import { findParticipants, getParticipantOutcomes } from "../queries/delivery.ts";
import { getOutcomeFile, listOutcomeFiles } from "../queries/outcome-files.ts";
import { communities } from "../schema.ts";
import { errorsForForm } from "./form-values.ts";
import { investmentNav } from "./investment-nav.ts";

const communityNames: Record<string, string> = {
  "older-residents": "Older residents",
  "young-people": "Young people",
  disability: "Disability",
};

/** Only return to pages in this module: a crafted ?return= cannot send people elsewhere. */
function safeReturn(value: string | undefined): string {
  return value && /^\/investment\/[a-z0-9/-]*$/i.test(value) ? value : "/investment/participants";
}

async function participantForm(
  c: Context<AppEnv>,
  actor: Actor,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
) {
  const areas = await listOrganisationAreas(c.get("services").database.db, actor);
  const [year, month, day] = (values.dateOfBirth ?? "").split("-");
  return renderPage(c, {
    title: "Register a participant",
    errors,
    status,
    backLink: safeReturn(values.return),
    content: html`<h1 class="govuk-heading-l">Register a participant</h1>
      <p class="govuk-body">For someone already on record in People, give their person id instead and Kith takes their details from there.</p>
      <form method="post" action="/investment/participants/new" novalidate>${csrfField(c)}<input type="hidden" name="return" value="${safeReturn(values.return)}">
        ${textInput({ name: "personId", label: "Person id (optional)", value: values.personId, error: errors.personId })}
        ${textInput({ name: "displayName", label: "Name", value: values.displayName, error: errors.displayName, autocomplete: "off", spellcheck: false })}
        ${dateInput({ name: "dateOfBirth", legend: { text: "Date of birth (optional)", classes: "govuk-fieldset__legend--s" }, hint: "Used for the age band in social value. For example, 27 3 1960", error: errors["dateOfBirth-day"], value: { day, month, year } })}
        ${radios({
          name: "tenant",
          legend: { text: "Are they one of our tenants?", classes: "govuk-fieldset__legend--s" },
          inline: true,
          value: values.tenant,
          error: errors.tenant,
          items: [
            { value: "yes", text: "Yes" },
            { value: "no", text: "No, another resident" },
          ],
        })}
        ${select({ name: "laCode", label: "Area they live in", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Not known" }, ...areas.map((a) => ({ value: a.laCode, text: a.name }))] })}
        ${checkboxes({ name: "communities", legend: { text: "Communities of interest (optional)", classes: "govuk-fieldset__legend--s" }, values: (values.communities ?? "").split(",").filter(Boolean), items: communities.map((value) => ({ value, text: communityNames[value] })) })}
        ${button({ text: "Register participant" })}
      </form>`,
  });
}

export function participantPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/investment/participants", async (c) => {
    const actor = requireActor(c);
    const search = (c.req.query("search") ?? "").slice(0, 100);
    const people = await callForPage(c, findParticipants, actor, {
      search,
      limit: 200,
    });
    return renderPage(c, {
      title: "Participants",
      fullWidth: true,
      notification: flashFrom(c, { created: "The participant has been registered." }),
      content: html`${investmentNav("/investment/participants")}<h1 class="govuk-heading-l">Participants</h1>
        ${canRecordDelivery(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/investment/participants/new">Register a participant</a> · <a class="govuk-link" href="/impact/outcomes/new">Record an outcome</a></p>` : ""}
        <form method="get" action="/investment/participants">${textInput({ name: "search", label: "Name contains", type: "search", value: search })}${button({ text: "Search", classes: "govuk-button--secondary" })}</form>
        ${table({ caption: `${people.length} participants${people.length === 200 ? " (the first 200)" : ""}`, head: [{ text: "Name" }, { text: "Tenant" }, { text: "Communities of interest" }], rows: people.map((p) => [html`<a class="govuk-link" href="/investment/participants/${p.id}">${p.displayName}</a>`, p.tenant ? "Yes" : "No", p.communities.map((x) => communityNames[x]).join(", ") || "–"]) })}`,
    });
  });
  app.get("/investment/participants/new", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canRecordDelivery(actor), "Only officers and managers can register participants.");
    return participantForm(c, actor, { return: c.req.query("return") ?? "" });
  });
  app.post("/investment/participants/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const dateOfBirth = dateFromParts(values, "dateOfBirth");
    const merged = { ...values, dateOfBirth };
    try {
      const { id } = await callForPage(c, registerParticipant, actor, {
        personId: values.personId?.trim() || null,
        externalRef: values.personId?.trim() ? null : `kith-form-${crypto.randomUUID()}`,
        displayName: values.displayName?.trim() || null,
        dateOfBirth: dateOfBirth || null,
        tenant: values.tenant === "yes",
        laCode: values.laCode || null,
        communities: (values.communities ?? "").split(",").filter(Boolean) as never,
      });
      const back = safeReturn(values.return);
      return c.redirect(
        back === "/investment/participants"
          ? `/investment/participants/${id}?done=created`
          : `${back}?done=created`,
        303,
      );
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 404)) {
        return participantForm(
          c,
          actor,
          merged,
          error.status === 404
            ? { personId: "That person was not found" }
            : errorsForForm(error.fieldErrors, { dateOfBirth: "dateOfBirth-day" }),
          422,
        );
      }
      throw error;
    }
  });
  app.get("/investment/participants/:id", async (c) => {
    const actor = requireActor(c);
    const { participant, outcomes } = await callForPage(c, getParticipantOutcomes, actor, c.req.param("id"));
    const [files, valueNames] = await Promise.all([
      listOutcomeFiles(c.get("services").database.db, actor, participant.id),
      valueOutcomeNames(c.get("services").database.db, actor),
    ]);
    return renderPage(c, {
      title: participant.displayName,
      fullWidth: true,
      breadcrumbs: [{ href: "/investment/participants", text: "Participants" }],
      notification: flashFrom(c, {
        created: "The participant has been registered.",
        outcome: "The outcome has been recorded.",
      }),
      content: html`<h1 class="govuk-heading-l">${participant.displayName}</h1>
        ${summaryList([
          { key: "Tenant", value: participant.tenant ? "Yes" : "No" },
          {
            key: "Date of birth",
            value: participant.dateOfBirth ? formatDate(participant.dateOfBirth) : "Not known",
          },
          {
            key: "Communities of interest",
            value: participant.communities.map((x) => communityNames[x]).join(", ") || "None recorded",
          },
        ])}
        <p class="govuk-body"><a class="govuk-link" href="/impact/outcomes/new?participantId=${participant.id}">Record an outcome</a></p>
        ${table({
          caption: "Outcomes",
          head: [
            { text: "Achieved" },
            { text: "Project" },
            { text: "Value-bank outcome" },
            { text: "Wellbeing" },
            { text: "Distance travelled" },
            { text: "Follow-ups" },
            { text: "Evidence files" },
          ],
          rows: outcomes.map((o) => [
            formatDate(o.achievedOn),
            o.projectName,
            valueOutcomeName(valueNames, o.valueCode),
            o.wellbeingBefore !== null && o.wellbeingAfter !== null
              ? `${o.wellbeingBefore} → ${o.wellbeingAfter}`
              : "–",
            o.distanceBefore !== null && o.distanceAfter !== null
              ? `${o.distanceBefore} → ${o.distanceAfter}`
              : "–",
            o.followUps
              .map(
                (f) =>
                  `${f.months} months: ${f.completedOn ? `done ${formatDate(f.completedOn)}` : `due ${formatDate(f.dueOn)}`}`,
              )
              .join("; ") || "–",
            (() => {
              const mine = files.filter((f) => f.outcomeId === o.id);
              return mine.length
                ? html`${mine.map((f, i) => html`${i ? ", " : ""}<a class="govuk-link" href="/investment/evidence/${f.id}">${f.fileName}</a>`)}`
                : "–";
            })(),
          ]),
        })}`,
    });
  });
  app.get("/investment/evidence/:id", async (c) => {
    const actor = requireActor(c);
    const file = await callForPage(c, getOutcomeFile, actor, c.req.param("id"));
    // Served as a download, never rendered inline: an uploaded file must not run as part of our site.
    return c.body(new Uint8Array(file.content), 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._ -]/g, "_")}"`,
      "x-content-type-options": "nosniff",
    });
  });
  return app;
}

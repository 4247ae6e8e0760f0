import type { Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  html,
  insetText,
  radios,
  select,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import type { CaseInput, PartyInput } from "../commands/case-input.ts";
import { checkCaseInput, openCase } from "../commands/open-case.ts";
import { hateStrandNames, hateStrands, workflowNames } from "../domain/categories.ts";
import { activeCategories, categoryLabel, loadSafetyConfiguration } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { homeByUprn, homesByLocalAuthority } from "../neighbours.ts";
import { relatedOpenCases } from "../queries/repeats.ts";
import { attempt, csrfField, requireCaseWorker, safetyNav } from "./common.ts";
import { chosenPlace, type PlaceSearch, placeSearchFields, runPlaceSearch } from "./place-search.ts";

// The officer's "record a report" form. Before a case is saved the officer sees possibly related open
// cases (same home, same block, same people): "Check for related cases" shows them without saving, and
// "Open case" shows them first whenever there are some the officer has not yet seen.

type Related = Awaited<ReturnType<typeof relatedOpenCases>>;

/** The local authorities the organisation has homes in, by name: an open space is in one of them. */
async function organisationAuthorities(c: Context<AppEnv>, actor: Actor) {
  const rows = await homesByLocalAuthority(c.get("services").database.db, actor.organisationId);
  return rows.map((row) => ({ code: row.laCode, name: row.laName }));
}

async function newCaseForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 422 = 200,
  related: Related | null = null,
  search: PlaceSearch | null = null,
) {
  const actor = requireActor(c);
  const configuration = await loadSafetyConfiguration(c.get("services").database.db, actor.organisationId);
  const places = search ?? (await runPlaceSearch(c, actor, values, false));
  const opened = (values.openedOn ?? "").split("-");
  const relatedPanel =
    related === null
      ? ""
      : related.length === 0
        ? insetText(html`No open cases at the same address or block, or with the same people.`)
        : html`<h2 class="govuk-heading-m">Possibly related open cases</h2>
          <p class="govuk-body">If the report is about the same matter, record it on that case instead of opening a new one.</p>
          ${table({
            caption: "Possibly related open cases",
            captionClasses: "govuk-visually-hidden",
            head: [
              { text: "Case" },
              { text: "Category" },
              { text: "Opened" },
              { text: "Why it may be related" },
            ],
            rows: related.map((r) => [
              html`<a class="govuk-link" href="/safety/cases/${r.id}">${r.reference}</a>`,
              categoryLabel(configuration, r.category),
              formatDate(r.openedOn),
              r.reasons.join(", "),
            ]),
          })}`;
  return renderPage(c, {
    title: "Record a report",
    errors,
    status,
    content: html`${safetyNav("/safety/cases/new")}<h1 class="govuk-heading-l">Record a report and open a case</h1>
      ${relatedPanel}
      <form method="post" action="/safety/cases/new" novalidate>${csrfField(c)}
        <input type="hidden" name="relatedSeen" value="${related === null ? (values.relatedSeen ?? "") : matchSignature(values)}">
        ${select({ name: "category", label: "Category", value: values.category, error: errors.category, options: [{ value: "", text: "Choose a category" }, ...activeCategories(configuration).map((cat) => ({ value: cat.code, text: `${cat.name} (${workflowNames[cat.workflow]})` }))] })}
        ${textInput({ name: "subCategory", label: "Sub-category (optional)", hint: "For example: loud music, verbal abuse", value: values.subCategory, error: errors.subCategory })}
        ${select({ name: "hateStrand", label: "Hate incident strand (if it is a hate incident)", value: values.hateStrand, error: errors.hateStrand, options: [{ value: "", text: "Not a hate incident" }, ...hateStrands.map((s) => ({ value: s, text: hateStrandNames[s] }))] })}
        ${radios({
          name: "locationType",
          legend: { text: "Where did it happen?", classes: "govuk-fieldset__legend--s" },
          value: values.locationType,
          error: errors.locationType,
          items: [
            { value: "home", text: "At a home" },
            { value: "block", text: "In a block" },
            { value: "open-space", text: "In an open space" },
          ],
        })}
        ${placeSearchFields(values, places, { ...errors, place: errors.place ?? errors.homeId })}
        <details class="govuk-details"${values.uprn || values.locationDescription || errors.uprn || errors.locationDescription || errors.laCode ? html` open` : ""}>
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Not in the list? Enter the place yourself</span></summary>
          <div class="govuk-details__text">
            ${textInput({ name: "uprn", label: "UPRN of the home", value: values.uprn, error: errors.uprn, width: 20, inputmode: "numeric" })}
            ${textInput({ name: "blockName", label: "Block name (optional)", value: values.blockName, error: errors.blockName })}
            ${textInput({ name: "locationDescription", label: "Describe the place (for an open space)", value: values.locationDescription, error: errors.locationDescription })}
            ${select({ name: "laCode", label: "Local authority (for an open space)", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Choose a local authority" }, ...(await organisationAuthorities(c, actor)).map((la) => ({ value: la.code, text: la.name }))] })}
          </div>
        </details>
        ${dateInput({ name: "openedOn", legend: { text: "Date reported", classes: "govuk-fieldset__legend--s" }, error: errors.openedOn, value: { year: opened[0] ?? "", month: opened[1] ?? "", day: opened[2] ?? "" } })}
        ${textarea({ name: "summary", label: "What happened", value: values.summary, error: errors.summary, rows: 5 })}
        ${textInput({ name: "complainantName", label: "Complainant or victim's name", value: values.complainantName, error: errors["parties.0.name"] ?? errors.parties })}
        ${textInput({ name: "complainantContact", label: "Complainant's phone or email (optional)", value: values.complainantContact })}
        ${checkboxes({ name: "vulnerable", legend: { text: "Vulnerability", classes: "govuk-fieldset__legend--s" }, values: values.vulnerable ? ["yes"] : [], items: [{ value: "yes", text: "The complainant is vulnerable" }] })}
        ${textInput({ name: "perpetratorName", label: "Alleged perpetrator's name (optional)", value: values.perpetratorName })}
        ${textInput({ name: "safeguarding", label: "Safeguarding flags (optional, separate with commas)", value: values.safeguarding })}
        <div class="govuk-button-group">
          ${button({ text: "Open case" })}
          ${button({ text: "Check for related cases", variant: "secondary", name: "intent", value: "check" })}
        </div>
      </form>`,
  });
}

/** What the related-case check matched on: if the officer changes these, the check runs again before saving. */
function matchSignature(values: Record<string, string>): string {
  return [values.uprn, values.blockName, values.complainantName, values.perpetratorName]
    .map((v) => (v ?? "").trim().toLowerCase())
    .join("|");
}

async function findRelated(
  c: Context<AppEnv>,
  actor: Actor,
  values: Record<string, string>,
  home: { id: string; blockName: string | null } | null,
) {
  return relatedOpenCases(c.get("services").database.db, actor, {
    homeId: home?.id ?? null,
    blockName: values.blockName?.trim() || home?.blockName || null,
    partyNames: [values.complainantName, values.perpetratorName].map((n) => (n ?? "").trim()).filter(Boolean),
  });
}

export function newCasePages(app: Hono<AppEnv>): void {
  app.get("/safety/cases/new", (c) => {
    requireCaseWorker(c);
    return newCaseForm(c, { openedOn: londonDay(c.get("now")) });
  });

  app.post("/safety/cases/new", async (c) => {
    const actor = requireCaseWorker(c);
    const values = await readForm(c);
    const openedOn = dateFromParts(values, "openedOn");
    const merged = { ...values, openedOn };
    const db = c.get("services").database.db;
    if (values.intent === "find-address") {
      const search = await runPlaceSearch(c, actor, values, true);
      const status = Object.keys(search.errors).length > 0 ? 422 : 200;
      return newCaseForm(c, { ...merged, place: "" }, search.errors, status, null, search);
    }
    let homeId: string | null = null;
    let home: { id: string; blockName: string | null } | null = null;
    const place = await chosenPlace(c, actor, values.place);
    if (place === "unknown")
      return newCaseForm(c, merged, { place: "Choose a place from the matches, or search again" }, 422);
    if (place) {
      homeId = place.homeId;
      home = place.homeId ? { id: place.homeId, blockName: place.blockName } : null;
    } else if (values.uprn?.trim()) {
      home =
        (/^[0-9]{1,12}$/.test(values.uprn.trim())
          ? await homeByUprn(db, actor.organisationId, values.uprn.trim())
          : undefined) ?? null;
      if (!home) return newCaseForm(c, merged, { uprn: "Enter the UPRN of one of your homes" }, 422);
      homeId = home.id;
    }
    const parties: PartyInput[] = [];
    if (values.complainantName?.trim() || !values.perpetratorName?.trim()) {
      parties.push({
        role: "complainant" as const,
        name: values.complainantName ?? "",
        contact: values.complainantContact || null,
        vulnerable: values.vulnerable === "yes",
      });
    }
    if (values.perpetratorName?.trim())
      parties.push({ role: "alleged-perpetrator" as const, name: values.perpetratorName });
    const input: CaseInput = {
      category: values.category ?? "",
      subCategory: values.subCategory?.trim() || null,
      hateStrand: (values.hateStrand || null) as (typeof hateStrands)[number] | null,
      locationType: (values.locationType || place?.locationType || undefined) as
        | "home"
        | "block"
        | "open-space",
      homeId,
      blockName: values.blockName || place?.blockName || null,
      locationDescription: values.locationDescription || place?.locationDescription || null,
      laCode: values.laCode?.trim().toUpperCase() || place?.laCode || null,
      summary: values.summary ?? "",
      openedOn,
      safeguardingFlags: (values.safeguarding ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      parties,
    };
    const onInvalid = (errors: FieldErrors) => newCaseForm(c, merged, errors, 422);
    if (values.intent === "check")
      return newCaseForm(c, merged, {}, 200, await findRelated(c, actor, values, home));
    if (values.relatedSeen !== matchSignature(values)) {
      // Show related open cases before saving, once the form itself is complete.
      const configuration = await loadSafetyConfiguration(db, actor.organisationId);
      const checked = await attempt(async () => checkCaseInput(input, configuration), onInvalid);
      if (checked instanceof Response) return checked;
      const related = await findRelated(c, actor, values, home);
      if (related.length > 0) return newCaseForm(c, merged, {}, 200, related);
    }
    const result = await attempt(() => openCase(db, actor, c.get("now"), input), onInvalid);
    if (result instanceof Response) return result;
    return c.redirect(`/safety/cases/${result.id}?done=opened`, 303);
  });
}

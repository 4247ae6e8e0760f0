import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  html,
  radios,
  select,
  textInput,
} from "../../../platform/ui/index.ts";
import { addParty, changeStatus } from "../commands/update-case.ts";
import { partyRoleNames, partyRoles } from "../domain/categories.ts";
import { loadSafetyConfiguration, statusesOf } from "../domain/configuration.ts";
import { findCase } from "../store.ts";
import { caseForm } from "./case-forms.ts";
import { chosenPlace, placeSearchFields, runPlaceSearch } from "./place-search.ts";

// Adding any number of parties to a case, and moving a case through its workflow's statuses.

/** A party's home is found by the same address search as a case's place, narrowed to homes. */
const partyHomeSearch = (c: Context<AppEnv>, values: Record<string, string>, required: boolean) =>
  runPlaceSearch(c, requireActor(c), values, required, "home");

export function partyAndStatusForms(app: Hono<AppEnv>): void {
  const db = (c: Context<AppEnv>) => c.get("services").database.db;

  caseForm(
    app,
    "parties/new",
    "Add a party",
    async (c, _id, values, errors) => html`
      ${radios({ name: "role", legend: { text: "Role", classes: "govuk-fieldset__legend--s" }, value: values.role, error: errors.role, items: partyRoles.map((r) => ({ value: r, text: partyRoleNames[r] })) })}
      ${textInput({ name: "name", label: "Name", value: values.name, error: errors.name })}
      ${textInput({ name: "personId", label: "Kith person id (optional)", hint: "Links the party to a person record, so repeats are found across cases", value: values.personId, error: errors.personId })}
      <h2 class="govuk-heading-s">Their home (optional)</h2>
      ${placeSearchFields(values, await partyHomeSearch(c, values, false), { ...errors, place: errors.place ?? errors.homeId }, "home")}
      ${textInput({ name: "address", label: "Address, if not one of your homes (optional)", value: values.address, error: errors.address })}
      ${textInput({ name: "contact", label: "Phone or email (optional)", value: values.contact, error: errors.contact })}
      ${dateInput({ name: "dateOfBirth", legend: { text: "Date of birth (optional)", classes: "govuk-fieldset__legend--s" }, error: errors.dateOfBirth, value: { year: values["dateOfBirth-year"] ?? "", month: values["dateOfBirth-month"] ?? "", day: values["dateOfBirth-day"] ?? "" } })}
      ${checkboxes({ name: "vulnerable", legend: { text: "Vulnerability", classes: "govuk-fieldset__legend--s" }, values: values.vulnerable ? ["yes"] : [], items: [{ value: "yes", text: "This person is vulnerable" }] })}
      ${textInput({ name: "vulnerabilityNote", label: "Vulnerability note (optional)", value: values.vulnerabilityNote, error: errors.vulnerabilityNote })}
      ${button({ text: "Add party" })}`,
    async (c, caseId, values) => {
      const home = await chosenPlace(c, requireActor(c), values.place);
      if (home === "unknown" || (home && home.locationType !== "home"))
        throw invalid("The party could not be saved.", {
          place: "Choose a home from the matches, or search again",
        });
      return addParty(db(c), requireActor(c), c.get("now"), caseId, {
        role: (values.role || undefined) as (typeof partyRoles)[number],
        name: values.name ?? "",
        personId: values.personId?.trim() || null,
        homeId: home?.homeId ?? null,
        address: values.address || null,
        contact: values.contact || null,
        dateOfBirth: dateFromParts(values, "dateOfBirth") || null,
        vulnerable: values.vulnerable === "yes",
        vulnerabilityNote: values.vulnerabilityNote || null,
      });
    },
    async (c, values) => (await partyHomeSearch(c, values, true)).errors,
  );

  caseForm(
    app,
    "status",
    "Change the status",
    async (c, caseId, values, errors) => {
      const actor = requireActor(c);
      const found = await findCase(db(c), actor, caseId);
      const configuration = await loadSafetyConfiguration(db(c), actor.organisationId);
      const statuses = statusesOf(configuration, found.workflow).filter((s) => s.code !== "closed");
      return html`${select({ name: "status", label: "Status", value: values.status ?? found.status, error: errors.status, options: statuses.map((s) => ({ value: s.code, text: `${s.name}${s.targetDays ? ` (target ${s.targetDays} days)` : ""}` })) })}
        ${button({ text: "Save status" })}`;
    },
    (c, caseId, values) =>
      changeStatus(db(c), requireActor(c), c.get("now"), caseId, { status: values.status ?? "" }),
  );
}

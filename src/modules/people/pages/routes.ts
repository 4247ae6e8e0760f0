import { type Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { uploadImportPages } from "../../../platform/imports/upload-pages.ts";
import {
  button,
  checkboxes,
  dateInput,
  filterLayout,
  formatDate,
  html,
  pagination,
  radios,
  select,
  subNavigation,
  summaryList,
  table,
  tag,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { addressChoiceFields, getHome, parseAddressChoice, runAddressSearch } from "../../places/index.ts";
import { createPerson, PossibleDuplicateProblem } from "../commands/create-person.ts";
import { importPeople } from "../commands/import-people.ts";
import { createPartnerOrganisation } from "../commands/partner-organisations.ts";
import { canEditPeople } from "../policy.ts";
import type { PossibleDuplicate } from "../queries/duplicates.ts";
import { householdOf } from "../queries/household.ts";
import { getPartnerOrganisation, listPartnerOrganisations } from "../queries/partners.ts";
import { ageBand, findPeople, getEqualityProfile, getPerson } from "../queries/people.ts";
import { type PersonType, partnerKinds, personTypes } from "../schema.ts";

const pageSize = 50;
const nav = (current: string) =>
  subNavigation(
    [
      { href: "/people", text: "People", current: current === "/people" },
      { href: "/people/partners", text: "Partner organisations", current: current === "/people/partners" },
    ],
    "People",
  );
const kindName = (kind: string) => kind.replace(/-/g, " ").replace(/^./, (ch) => ch.toUpperCase());

async function personForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: Record<string, string> = {},
  status: 200 | 409 | 422 = 200,
  duplicates: PossibleDuplicate[] = [],
) {
  // The person's home is found by the shared address search of places, homes only.
  const homeSearch = await runAddressSearch(c, requireActor(c), values, false, "home");
  const dob = (values.dateOfBirth ?? "").split("-");
  return renderPage(c, {
    title: "Add a person",
    errors,
    status,
    backLink: "/people",
    content: html`<h1 class="govuk-heading-l">Add a person</h1>
      ${
        duplicates.length
          ? html`${warningText("This person may already be on record.")}
          ${table({ caption: "Possible matches", head: [{ text: "Name" }, { text: "Date of birth" }, { text: "Postcode" }, { text: "Why" }], rows: duplicates.map((d) => [html`<a class="govuk-link" href="/people/${d.person.id}">${d.person.givenName} ${d.person.familyName}</a>`, d.person.dateOfBirth ? formatDate(d.person.dateOfBirth) : "–", d.person.postcode ?? "–", d.reason]) })}`
          : ""
      }
      <form method="post" action="/people/new" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
        ${textInput({ name: "givenName", label: "First name", value: values.givenName, error: errors.givenName, autocomplete: "off", spellcheck: false })}
        ${textInput({ name: "familyName", label: "Last name", value: values.familyName, error: errors.familyName, autocomplete: "off", spellcheck: false })}
        ${dateInput({ name: "dateOfBirth", legend: { text: "Date of birth (optional)", classes: "govuk-fieldset__legend--s" }, hint: "For example, 27 3 1985", error: errors.dateOfBirth, value: { year: dob[0] ?? "", month: dob[1] ?? "", day: dob[2] ?? "" } })}
        ${radios({ name: "personType", legend: { text: "They are a", classes: "govuk-fieldset__legend--s" }, value: values.personType, error: errors.personType, items: personTypes.map((t) => ({ value: t, text: kindName(t) })) })}
        ${textInput({ name: "email", label: "Email (optional)", type: "email", value: values.email, error: errors.email, autocomplete: "off", spellcheck: false })}
        ${textInput({ name: "phone", label: "Phone (optional)", type: "tel", value: values.phone, error: errors.phone, autocomplete: "off", width: 20 })}
        <h2 class="govuk-heading-s">Their home (optional)</h2>
        ${addressChoiceFields(values, homeSearch, { ...errors, place: errors.place ?? errors.homeId }, "home")}
        ${textInput({ name: "address", label: "Address, if not one of our homes (optional)", value: values.address, error: errors.address })}
        ${textInput({ name: "postcode", label: "Postcode (optional)", value: values.postcode, error: errors.postcode, width: 10 })}
        ${duplicates.length ? checkboxes({ name: "confirmNotDuplicate", legend: { text: "Confirm", classes: "govuk-fieldset__legend--s" }, error: errors.confirmNotDuplicate, items: [{ value: "yes", text: "I have checked: this is a different person" }] }) : ""}
        ${button({ text: "Save person" })}
      </form>`,
  });
}

export function peoplePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/people", async (c) => {
    const actor = requireActor(c);
    const q = c.req.query();
    const personType = personTypes.find((t) => t === q.personType) as PersonType | undefined;
    const page = Math.max(1, Math.min(100_000, Number.parseInt(q.page ?? "1", 10) || 1));
    const sort = q.sort === "created" ? "created" : "name";
    const dir = q.dir === "desc" ? "desc" : "asc";
    const search = (q.search ?? "").slice(0, 100);
    const result = await findPeople(
      c.get("services").database.db,
      actor,
      { search, personType, page, pageSize, sort, dir },
      c.get("now"),
    );
    const link = (overrides: Record<string, string>) =>
      `/people?${new URLSearchParams({ search, personType: personType ?? "", sort, dir, ...overrides }).toString()}`;
    return renderPage(c, {
      title: "People",
      fullWidth: true,
      notification: flashFrom(c, { created: "The person has been added." }),
      content: html`${nav("/people")}<h1 class="govuk-heading-l">People</h1>
        ${canEditPeople(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/people/new">Add a person</a> · <a class="govuk-link" href="/people/import">Import people from a CSV file</a></p>` : ""}
        ${filterLayout({
          action: "/people",
          keep: { sort, dir },
          filters: html`${textInput({ name: "search", label: "Name, email or postcode", type: "search", value: search })}${select({ name: "personType", label: "Type", value: personType, options: [{ value: "", text: "All" }, ...personTypes.map((t) => ({ value: t, text: kindName(t) }))] })}`,
          results: html`<p class="govuk-body">${result.total.toLocaleString("en-GB")} people</p>
            ${table({
              caption: "People",
              captionClasses: "govuk-visually-hidden",
              sort: { key: sort, dir },
              sortHref: (key, d) => link({ sort: key, dir: d, page: "1" }),
              head: [
                { text: "Name", sortKey: "name" },
                { text: "Type" },
                { text: "Postcode" },
                { text: "Added", sortKey: "created" },
              ],
              rows: result.rows.map((p) => [
                html`<a class="govuk-link" href="/people/${p.id}">${p.familyName}, ${p.givenName}</a>`,
                kindName(p.personType),
                p.postcode ?? "–",
                formatDate(p.createdAt),
              ]),
            })}
            ${pagination({ currentPage: page, totalPages: Math.max(1, Math.ceil(result.total / pageSize)), href: (p) => link({ page: String(p) }) })}`,
        })}`,
    });
  });

  app.get("/people/new", (c) => {
    requireAllowed(canEditPeople(requireActor(c)), "Only officers can add people.");
    return personForm(c, {});
  });
  app.post("/people/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const dateOfBirth = dateFromParts(values, "dateOfBirth");
    if (values.intent === "find-address") {
      const { errors } = await runAddressSearch(c, actor, values, true, "home");
      return personForm(c, { ...values, dateOfBirth, place: "" }, errors, errors.addressSearch ? 422 : 200);
    }
    const choice = parseAddressChoice(values.place);
    if (choice && choice.kind !== "home")
      return personForm(c, { ...values, dateOfBirth }, { place: "Choose a home from the matches" }, 422);
    const merged = { ...values, dateOfBirth, homeId: choice?.id ?? "" };
    try {
      const created = await createPerson(c.get("services").database.db, actor, c.get("now"), merged);
      return c.redirect(`/people/${created.id}?done=created`, 303);
    } catch (error) {
      if (error instanceof PossibleDuplicateProblem) {
        return personForm(
          c,
          merged,
          { confirmNotDuplicate: "Check the possible matches, then confirm this is a different person" },
          409,
          error.duplicates,
        );
      }
      if (error instanceof Problem && error.status === 422) {
        // The home is chosen from the address matches: its error belongs on them.
        const { homeId, ...others } = error.fieldErrors ?? {};
        return personForm(c, merged, homeId ? { ...others, place: homeId } : others, 422);
      }
      throw error;
    }
  });

  app.route(
    "/",
    uploadImportPages({
      path: "/people/import",
      what: "people",
      backHref: "/people",
      columnsHelp: html`Required columns: <code>given_name, family_name, person_type</code>; optional: <code>date_of_birth, email, phone, uprn, address, postcode</code>.`,
      cliCommand: "npx kith import people FILE.csv",
      mayImport: canEditPeople,
      run: (database, actor, now, file, options) => importPeople(database, actor, now, file, options),
    }),
  );

  app.get("/people/partners", async (c) => {
    const actor = requireActor(c);
    const partners = await listPartnerOrganisations(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Partner organisations",
      fullWidth: true,
      notification: flashFrom(c, { created: "The organisation has been added." }),
      content: html`${nav("/people/partners")}<h1 class="govuk-heading-l">Partner organisations</h1>
        ${canEditPeople(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/people/partners/new">Add a partner organisation</a></p>` : ""}
        ${table({ caption: `${partners.length} organisations`, head: [{ text: "Name" }, { text: "Kind" }, { text: "Identifier" }], rows: partners.map((p) => [html`<a class="govuk-link" href="/people/partners/${p.id}">${p.name}</a>`, kindName(p.kind), p.orgIdentifier ?? "–"]) })}`,
    });
  });

  const partnerForm = (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(c, {
      title: "Add a partner organisation",
      errors,
      status,
      backLink: "/people/partners",
      content: html`<h1 class="govuk-heading-l">Add a partner organisation</h1>
        <form method="post" action="/people/partners/new" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
          ${textInput({ name: "name", label: "Name", value: values.name, error: errors.name })}
          ${radios({ name: "kind", legend: { text: "Kind", classes: "govuk-fieldset__legend--s" }, value: values.kind, error: errors.kind, items: partnerKinds.map((k) => ({ value: k, text: kindName(k) })) })}
          ${textInput({ name: "charityNumber", label: "Charity number (optional)", value: values.charityNumber, error: errors.charityNumber, width: 10 })}
          ${textInput({ name: "companyNumber", label: "Company number (optional)", value: values.companyNumber, error: errors.companyNumber, width: 10 })}
          ${textInput({ name: "address", label: "Address (optional)", value: values.address, error: errors.address })}
          ${textInput({ name: "postcode", label: "Postcode (optional)", value: values.postcode, error: errors.postcode, width: 10 })}
          ${textInput({ name: "website", label: "Website (optional)", type: "url", value: values.website, error: errors.website })}
          ${textInput({ name: "email", label: "Email (optional)", type: "email", value: values.email, error: errors.email })}
          ${textInput({ name: "phone", label: "Phone (optional)", type: "tel", value: values.phone, error: errors.phone, width: 20 })}
          ${button({ text: "Save organisation" })}
        </form>`,
    });

  app.get("/people/partners/new", (c) => {
    requireAllowed(canEditPeople(requireActor(c)), "Only officers can add partner organisations.");
    return partnerForm(c, {});
  });
  app.post("/people/partners/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      await createPartnerOrganisation(c.get("services").database.db, actor, c.get("now"), values);
      return c.redirect("/people/partners?done=created", 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 422)
        return partnerForm(c, values, error.fieldErrors, 422);
      throw error;
    }
  });

  app.get("/people/partners/:id", async (c) => {
    const actor = requireActor(c);
    const p = await getPartnerOrganisation(c.get("services").database.db, actor, c.req.param("id"));
    return renderPage(c, {
      title: p.name,
      breadcrumbs: [{ href: "/people/partners", text: "Partner organisations" }],
      content: html`<span class="govuk-caption-l">${kindName(p.kind)}</span><h1 class="govuk-heading-l">${p.name}</h1>${summaryList(
        [
          { key: "Identifier", value: p.orgIdentifier ?? "None (no charity or company number)" },
          { key: "Charity number", value: p.charityNumber ?? "–" },
          { key: "Company number", value: p.companyNumber ?? "–" },
          { key: "Address", value: [p.address, p.postcode].filter(Boolean).join(", ") || "–" },
          { key: "Contact", value: [p.email, p.phone, p.website].filter(Boolean).join(" · ") || "–" },
        ],
      )}`,
    });
  });

  app.get("/people/:id", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const person = await getPerson(db, actor, c.req.param("id"), c.get("now"));
    const [home, equality, household] = await Promise.all([
      person.homeId ? getHome(db, actor, person.homeId).catch(() => null) : null,
      getEqualityProfile(db, actor, person.id, c.get("now")),
      householdOf(db, actor, person.id).catch(() => ({ household: null, tenancies: [] })),
    ]);
    const today = c.get("now").toISOString().slice(0, 10);
    return renderPage(c, {
      title: `${person.givenName} ${person.familyName}`,
      notification: flashFrom(c, { created: "The person has been added." }),
      breadcrumbs: [{ href: "/people", text: "People" }],
      content: html`<span class="govuk-caption-l">${kindName(person.personType)}</span><h1 class="govuk-heading-l">${person.givenName} ${person.familyName}</h1>
        ${summaryList([
          {
            key: "Date of birth",
            value: person.dateOfBirth
              ? `${formatDate(person.dateOfBirth)} (age band ${ageBand(person.dateOfBirth, today)})`
              : "Not recorded",
          },
          { key: "Email", value: person.email ?? "–" },
          { key: "Phone", value: person.phone ?? "–" },
          {
            key: "Home",
            value: home
              ? html`<a class="govuk-link" href="/places/homes/${home.id}">${home.addressLine1}, ${home.postcode}</a>`
              : [person.address, person.postcode].filter(Boolean).join(", ") || "–",
          },
        ])}
        <h2 class="govuk-heading-m">Household</h2>
        ${
          household.household
            ? table({
                caption: household.household.name,
                captionClasses: "govuk-table__caption--s",
                head: [{ text: "Name" }, { text: "Relationship" }],
                rows: household.household.members.map((m) => [
                  m.id === person.id
                    ? `${m.givenName} ${m.familyName} (this person)`
                    : html`<a class="govuk-link" href="/people/${m.id}">${m.givenName} ${m.familyName}</a>`,
                  m.relationship,
                ]),
              })
            : html`<p class="govuk-body">Not recorded as part of a household.</p>`
        }
        ${
          household.tenancies.length
            ? summaryList(
                household.tenancies.map((t) => ({
                  key: `${kindName(t.tenancyType)} tenancy`,
                  value: `From ${formatDate(t.startDate)}${t.endDate ? ` to ${formatDate(t.endDate)}` : " (current)"}`,
                })),
              )
            : ""
        }
        <h2 class="govuk-heading-m">Equality monitoring ${tag("Special category", "purple")}</h2>
        ${
          equality
            ? summaryList([
                { key: "Consent recorded", value: formatDate(equality.consentGivenAt) },
                { key: "Ethnic group", value: equality.ethnicGroup ?? "Not answered" },
                { key: "Disability", value: equality.disability ?? "Not answered" },
                { key: "Sex", value: equality.sex ?? "Not answered" },
              ])
            : html`<p class="govuk-body">No answers recorded, or you cannot see them.</p>`
        }`,
    });
  });
  return app;
}

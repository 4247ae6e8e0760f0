import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage } from "../../../platform/http/render.ts";
import {
  checkboxes,
  filterLayout,
  formatDate,
  html,
  pagination,
  radios,
  select,
  table,
  tag,
  textInput,
} from "../../../platform/ui/index.ts";
import { workflowNames, workflows } from "../domain/categories.ts";
import {
  cachedSafetyConfiguration,
  categoryIn,
  categoryLabel,
  statusLabel,
} from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { addressesOfHomes, searchPlaces } from "../neighbours.ts";
import { type CaseFilters, caseCountLimit, caseOfficers, listCases } from "../queries/list-cases.ts";
import { bandTag, requireCaseWorker, safetyNav } from "./common.ts";

// The officer's case list: address, risk, lead officer and next action due, each with a filter
// (MOJ filter layout). The table scrolls inside its own box, so no column is cut off at 1280 or 375 px.

const pageSize = 50;
const risks = ["high", "medium", "standard", "none"] as const;
const dues = ["overdue", "week", "none"] as const;
const dueNames: Record<(typeof dues)[number], string> = {
  overdue: "Overdue",
  week: "Due within 7 days (or overdue)",
  none: "No open action",
};

export function caseListPage(app: Hono<AppEnv>): void {
  app.get("/safety", async (c) => {
    const actor = requireCaseWorker(c);
    const db = c.get("services").database.db;
    const q = c.req.query();
    const today = londonDay(c.get("now"));
    const state = q.state === "closed" || q.state === "all" ? q.state : "open";
    const workflow = workflows.find((w) => w === q.workflow);
    const [configuration, officers] = await Promise.all([
      cachedSafetyConfiguration(db, actor.organisationId),
      caseOfficers(db, actor),
    ]);
    const category = categoryIn(configuration, q.category ?? "")?.code;
    const risk = risks.find((r) => r === q.risk);
    const due = dues.find((d) => d === q.due);
    const leadOfficer = officers.find((o) => o.id === q.officer);
    const hate = q.hate === "yes";
    const mine = q.mine === "yes";
    const search = (q.search ?? "").slice(0, 50);
    const address = (q.address ?? "").slice(0, 100);
    const sort = q.sort === "reference" || q.sort === "updated" ? q.sort : "opened";
    const dir = q.dir === "asc" ? "asc" : "desc";
    const page = Math.max(1, Math.min(100_000, Number.parseInt(q.page ?? "1", 10) || 1));
    const errors: FieldErrors = {};
    let place: CaseFilters["place"];
    if (address.trim()) {
      // The same search as choosing a place: at least 2 characters, % and _ taken literally.
      const matches = await searchPlaces(db, actor, address, 500).catch(() => null);
      if (matches === null) errors.address = "Enter at least 2 characters of the address or postcode";
      else
        place = {
          homeIds: matches.flatMap((m) => (m.kind === "home" ? [m.id] : [])),
          text: address,
        };
    }
    const result = await listCases(db, actor, {
      state,
      workflow,
      category,
      hate,
      mine,
      risk,
      due,
      today,
      leadOfficerId: leadOfficer?.id,
      place,
      search,
      sort,
      dir,
      page,
      pageSize,
      countLimit: caseCountLimit,
    });
    const addresses = await addressesOfHomes(
      db,
      actor,
      result.rows.flatMap((row) => (row.homeId ? [row.homeId] : [])),
    );
    const params = {
      state,
      workflow: workflow ?? "",
      category: category ?? "",
      risk: risk ?? "",
      due: due ?? "",
      officer: leadOfficer?.id ?? "",
      address: place ? address : "",
      hate: hate ? "yes" : "",
      mine: mine ? "yes" : "",
      search,
      sort,
      dir,
    };
    const link = (overrides: Record<string, string>) =>
      `/safety?${new URLSearchParams({ ...params, ...overrides }).toString()}`;
    return renderPage(c, {
      title: "Community safety cases",
      fullWidth: true,
      errors,
      status: Object.keys(errors).length ? 422 : 200,
      notification: flashFrom(c, { closed: "The case has been closed." }),
      content: html`${safetyNav("/safety")}<h1 class="govuk-heading-l">Community safety cases</h1>
        ${filterLayout({
          action: "/safety",
          keep: { sort, dir },
          filters: html`${textInput({ name: "search", label: "Case reference", type: "search", value: search })}
            ${textInput({ name: "address", label: "Address or postcode", type: "search", value: address, error: errors.address })}
            ${radios({
              name: "state",
              legend: { text: "Cases", classes: "govuk-fieldset__legend--s" },
              small: true,
              value: state,
              items: [
                { value: "open", text: "Open" },
                { value: "closed", text: "Closed" },
                { value: "all", text: "All" },
              ],
            })}
            ${select({
              name: "risk",
              label: "Risk",
              value: risk ?? "",
              options: [
                { value: "", text: "Any risk" },
                { value: "high", text: "High" },
                { value: "medium", text: "Medium" },
                { value: "standard", text: "Standard" },
                { value: "none", text: "Not assessed" },
              ],
            })}
            ${select({ name: "officer", label: "Lead officer", value: leadOfficer?.id ?? "", options: [{ value: "", text: "Any officer" }, ...officers.map((o) => ({ value: o.id, text: o.name }))] })}
            ${select({ name: "due", label: "Next action due", value: due ?? "", options: [{ value: "", text: "Any" }, ...dues.map((d) => ({ value: d, text: dueNames[d] }))] })}
            ${select({ name: "workflow", label: "Workflow", value: workflow ?? "", options: [{ value: "", text: "All workflows" }, ...workflows.map((w) => ({ value: w, text: workflowNames[w] }))] })}
            ${select({ name: "category", label: "Category", value: category ?? "", options: [{ value: "", text: "All categories" }, ...configuration.categories.map((cat) => ({ value: cat.code, text: cat.retired ? `${cat.name} (retired)` : cat.name }))] })}
            ${checkboxes({ name: "hate", legend: { text: "Hate incidents", classes: "govuk-fieldset__legend--s" }, small: true, values: hate ? ["yes"] : [], items: [{ value: "yes", text: "Only hate incidents" }] })}
            ${checkboxes({ name: "mine", legend: { text: "Officer", classes: "govuk-fieldset__legend--s" }, small: true, values: mine ? ["yes"] : [], items: [{ value: "yes", text: "Only my cases" }] })}`,
          results: html`<p class="govuk-body">${result.totalIsLowerBound ? "More than " : ""}${result.total.toLocaleString("en-GB")} ${result.total === 1 && !result.totalIsLowerBound ? "case" : "cases"}</p>
            ${table({
              caption: "Cases",
              captionClasses: "govuk-visually-hidden",
              classes: "govuk-table--small-text-until-tablet",
              sort: { key: sort, dir },
              sortHref: (key, d) => link({ sort: key, dir: d, page: "1" }),
              head: [
                { text: "Reference", sortKey: "reference" },
                { text: "Address" },
                { text: "Category and status" },
                { text: "Risk" },
                { text: "Lead officer" },
                { text: "Next action due" },
                { text: "Opened", sortKey: "opened" },
                { text: "Last update", sortKey: "updated" },
              ],
              rows: result.rows.map((row) => [
                html`<a class="govuk-link" href="/safety/cases/${row.id}">${row.reference}</a>`,
                (row.homeId ? addresses.get(row.homeId) : undefined) ??
                  row.blockName ??
                  row.locationDescription ??
                  "–",
                html`${categoryLabel(configuration, row.category)}${row.hateStrand ? html` ${tag("Hate", "red")}` : ""}<br><span class="govuk-body-s">${statusLabel(configuration, row.workflow, row.status)}</span>`,
                row.riskBand ? bandTag(row.riskBand) : "Not assessed",
                row.leadOfficerName ?? "Not assigned",
                row.nextActionDue
                  ? html`${formatDate(row.nextActionDue)}${row.nextActionDue < today ? html` ${tag("Overdue", "red")}` : ""}`
                  : "–",
                formatDate(row.openedOn),
                formatDate(row.updatedAt),
              ]),
            })}
            ${
              result.totalIsLowerBound
                ? previousNext(page, result.hasNextPage, (p) => link({ page: String(p) }))
                : pagination({
                    currentPage: page,
                    totalPages: Math.max(1, Math.ceil(result.total / pageSize)),
                    href: (p) => link({ page: String(p) }),
                  })
            }`,
        })}`,
    });
  });
}

/** GOV.UK pagination with only previous and next links, for when the number of pages is not counted. */
function previousNext(page: number, hasNext: boolean, href: (page: number) => string) {
  if (page <= 1 && !hasNext) return html``;
  return html`<nav class="govuk-pagination" aria-label="Pagination">
    ${page > 1 ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${href(page - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>` : ""}
    ${hasNext ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${href(page + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>` : ""}
  </nav>`;
}

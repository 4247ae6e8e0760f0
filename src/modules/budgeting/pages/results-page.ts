import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import { barChart, formatPercent, html, summaryList, table, tag } from "../../../platform/ui/index.ts";
import { formatMoney } from "../money.ts";
import { canViewProcesses } from "../policy.ts";
import { fundedProjectsOf } from "../queries/funded-projects.ts";
import { costOf } from "../queries/processes.ts";
import { type BudgetResults, getResults } from "../queries/results.ts";
import type { PbProcess } from "../schema.ts";
import { completionNames, publicPath, ruleSummary } from "./common.ts";
import { explainOutcome } from "./outcome-reasons.ts";
import { ruleExplanation } from "./rule-explanation.ts";

/** An exact amount in whole currency units ("12.5" or "25/3") as money; fractions shown to the penny, marked "about". */
function exactMoney(value: string | null, currency: string): string {
  if (value === null) return "–";
  const [num, den] = value.split("/");
  if (den === undefined) return formatMoney(Math.round(Number(num) * 100), currency);
  return `about ${formatMoney(Math.round((Number(num) / Number(den)) * 100), currency)}`;
}

/**
 * `projects` maps a funded proposal to its community investment project; it is given only
 * to the organisation's staff, because project pages are staff pages.
 */
function budgetSection(
  process: PbProcess,
  entry: BudgetResults,
  many: boolean,
  projects: Map<string, string> | null,
) {
  const { budget, proposals, result } = entry;
  if (!result) return html`<p class="govuk-body">No result for ${budget.name}.</p>`;
  const byRef = new Map(proposals.map((p) => [p.reference, p]));
  const money = (minor: number) => formatMoney(minor, process.currency);
  const votes = result.outcome.votes;
  const mes = new Map((result.outcome.mes?.winners ?? []).map((w) => [w.projectId, w]));
  const winners = result.outcome.selected.map((ref) => byRef.get(ref)).filter((p) => p !== undefined);
  const spent = Number(result.outcome.totalCost);
  const ranked = [...proposals]
    .sort(
      (a, b) => (votes[b.reference] ?? 0) - (votes[a.reference] ?? 0) || (a.reference < b.reference ? -1 : 1),
    )
    .slice(0, 25);
  const funded = new Set(result.outcome.selected);
  const id = `budget-${budget.position}`;
  const unit = process.ballotKind === "cumulative" ? "Points" : "Votes";
  return html`${many ? html`<h2 class="govuk-heading-l">${budget.name}</h2>` : ""}
    ${summaryList([
      { key: "Budget", value: money(budget.amountPence) },
      { key: "Spent on winners", value: `${money(spent)} (${formatPercent(spent / budget.amountPence)})` },
      { key: "Ballots counted", value: result.ballots.toLocaleString("en-GB") },
    ])}
    <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Technical detail of the count</span></summary><div class="govuk-details__text">
    ${summaryList([
      { key: "Rule", value: ruleSummary({ ...result, ballotKind: process.ballotKind }) },
      ...(result.rule === "mes" && process.ballotKind !== "cumulative"
        ? [{ key: "Completion", value: completionNames[result.completion] }]
        : []),
      { key: "Ties", value: "Go to the lower reference (compared as text), as the reference library does" },
      ...(result.outcome.mes
        ? [
            {
              key: "Each voter's share of the budget",
              value: `${exactMoney(result.outcome.mes.startBudgetPerVoter, process.currency)}${result.outcome.mes.runs > 1 ? ` (after ${result.outcome.mes.runs - 1} Add1 rounds)` : ""}`,
            },
          ]
        : []),
    ])}</div></details>
    <h${many ? 3 : 2} class="govuk-heading-m">Funded projects</h${many ? 3 : 2}>
    ${table({
      caption: `${winners.length} funded projects, in the order the rule chose them`,
      captionClasses: "govuk-table__caption--s",
      head: [
        { text: "Order", numeric: true },
        { text: "Project" },
        { text: "Cost", numeric: true },
        { text: unit, numeric: true },
        ...(result.outcome.mes
          ? [
              { text: "Supporters paid", numeric: true },
              { text: "Most one supporter paid", numeric: true },
            ]
          : []),
        ...(projects ? [{ text: "Investment project" }] : []),
      ],
      rows: winners.map((p, i) => [
        { content: i + 1, numeric: true },
        html`<a class="govuk-link" href="${publicPath(process)}/proposals/${p.id}">${p.title}</a>`,
        { content: money(costOf(p)), numeric: true },
        { content: (votes[p.reference] ?? 0).toLocaleString("en-GB"), numeric: true },
        ...(result.outcome.mes
          ? [
              {
                content: exactMoney(mes.get(p.reference)?.supportersPaid ?? null, process.currency),
                numeric: true,
              },
              {
                content: exactMoney(mes.get(p.reference)?.maxPaymentPerVoter ?? null, process.currency),
                numeric: true,
              },
            ]
          : []),
        ...(projects ? [investmentLink(projects.get(p.id), p.title)] : []),
      ]),
    })}
    <h${many ? 3 : 2} class="govuk-heading-m">Why each idea was or was not funded</h${many ? 3 : 2}>
    ${table({
      caption: "Every idea, from most to least support",
      captionClasses: "govuk-visually-hidden",
      head: [{ text: "Idea" }, { text: "Result" }, { text: "Why" }],
      rows: explainOutcome(
        process,
        budget.amountPence,
        proposals.map((p) => ({ reference: p.reference, title: p.title, costPence: costOf(p) })),
        result.outcome,
        money,
      ).map((verdict) => [
        verdict.title,
        verdict.funded ? tag("Funded", "green") : tag("Not funded", "grey"),
        verdict.reason,
      ]),
    })}
    ${barChart({ id: `${id}-votes`, title: `${unit} per project${proposals.length > 25 ? " (top 25)" : ""}`, description: `The most supported project got ${(votes[ranked[0]?.reference ?? ""] ?? 0).toLocaleString("en-GB")} ${unit.toLowerCase()}. Funded projects are marked "funded".`, table: "details", valueLabel: unit, categoryLabel: "Project", bars: ranked.map((p) => ({ label: `${funded.has(p.reference) ? "(funded) " : ""}${p.title}`, value: votes[p.reference] ?? 0 })) })}
    ${barChart({ id: `${id}-costs`, title: `Cost per project${proposals.length > 25 ? " (top 25 by votes)" : ""}`, description: `Costs of the same projects, in the same order, against a budget of ${money(budget.amountPence)}.`, table: "details", valueLabel: "Cost", categoryLabel: "Project", formatValue: (v) => money(v), colour: "#28a197", bars: ranked.map((p) => ({ label: `${funded.has(p.reference) ? "(funded) " : ""}${p.title}`, value: costOf(p) })) })}
    <h${many ? 3 : 2} class="govuk-heading-m">How the rules compare</h${many ? 3 : 2}>
    <p class="govuk-body">The same ballots counted with each rule. "Voters with a funded project" is the share of voters who voted for at least one project that the rule funds.</p>
    ${table({
      caption: "Outcome under each rule",
      captionClasses: "govuk-visually-hidden",
      head: [{ text: "Rule" }, ...numericHeads("Projects funded", "Spent", "Voters with a funded project")],
      rows: result.comparison.map((r) => [
        r.label,
        { content: r.selected.length, numeric: true },
        { content: money(Number(r.totalCost)), numeric: true },
        {
          content: r.totalVoters
            ? `${formatPercent(r.fundedVoters / r.totalVoters)} (${r.fundedVoters.toLocaleString("en-GB")})`
            : "–",
          numeric: true,
        },
      ]),
    })}`;
}

function investmentLink(projectId: string | undefined, title: string) {
  return projectId
    ? html`<a class="govuk-link" href="/investment/projects/${projectId}">View project<span class="govuk-visually-hidden"> for ${title}</span></a>`
    : "Not created yet";
}

export function resultsPages(app: Hono<AppEnv>): void {
  app.get("/pb/:org/:pid/results", async (c) => {
    const db = c.get("services").database.db;
    const results = await getResults(db, c.req.param("org"), c.req.param("pid"));
    const { process } = results;
    const actor = c.get("actor");
    // Before publication only the organisation's staff may look (there is nothing to see until the count).
    if (
      process.phase !== "results" &&
      !(actor && actor.organisationId === process.organisationId && canViewProcesses(actor))
    )
      throw notFound("Results not found", "The results are not published yet.");
    const many = results.budgets.length > 1;
    const staff = actor && actor.organisationId === process.organisationId && canViewProcesses(actor);
    const projects = staff ? await fundedProjectsOf(db, process.organisationId, process.id) : null;
    return renderPage(c, {
      title: `Results: ${process.title}`,
      breadcrumbs: [{ href: publicPath(process), text: process.title }],
      content: html`<span class="govuk-caption-l">Participatory budgeting results</span><h1 class="govuk-heading-l">${process.title}</h1>
        ${results.budgets.map((entry) => budgetSection(process, entry, many, projects))}
        <h2 class="govuk-heading-m">How the result was worked out</h2>
        ${ruleExplanation(process)}`,
    });
  });
}

import type { Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  html,
  panel,
  radios,
  summaryList,
  table,
  textInput,
} from "../../../platform/ui/index.ts";
import { createProcess } from "../commands/create-process.ts";
import { advancePhase, setRule } from "../commands/manage-process.ts";
import { issueVoteCode } from "../commands/vote-codes.ts";
import { formatMoney } from "../money.ts";
import { canChooseRule, canExtendVoting, canManageProcesses, canViewProcesses } from "../policy.ts";
import { fundedProjectsOf } from "../queries/funded-projects.ts";
import { exportPabulib } from "../queries/pabulib-export.ts";
import { countBallots, type findProcess, listProcesses, listProposals } from "../queries/processes.ts";
import { votingState } from "../voting-window.ts";
import { codeMailingForm, codeMailingNotice, codeMailingPages } from "./code-mailing.ts";
import {
  completionNames,
  csrf,
  orFormErrors,
  phaseTag,
  publicPath,
  ruleNames,
  ruleSummary,
  staffPath,
  statusTag,
} from "./common.ts";
import { investmentForm, investmentPages } from "./investment-link.ts";
import { processForm } from "./process-form.ts";
import { staffForms } from "./staff-forms.ts";
import { processForStaff } from "./staff-process.ts";

const nextAction: Record<string, string> = {
  proposals: "Close ideas and start checking",
  review: "Open voting",
  voting: "Close voting and publish results",
};

export function staffPages(app: Hono<AppEnv>): void {
  staffForms(app);
  investmentPages(app);
  codeMailingPages(app);
  app.get("/budgeting", async (c) => {
    const actor = requireActor(c);
    const processes = await listProcesses(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Participatory budgeting",
      fullWidth: true,
      notification: codeMailingNotice(c) ?? flashFrom(c, { created: "The process has been set up." }),
      content: html`<h1 class="govuk-heading-l">Participatory budgeting</h1>
        ${canManageProcesses(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/budgeting/new">Set up a process</a></p>` : ""}
        ${table({
          caption: `${processes.length} processes`,
          head: [
            { text: "Process" },
            { text: "Phase" },
            { text: "Voting" },
            { text: "Ideas", numeric: true },
            { text: "Ballots", numeric: true },
          ],
          rows: processes.map((p) => [
            html`<a class="govuk-link" href="${staffPath(p)}">${p.title}</a>`,
            phaseTag(p, c.get("now")),
            `${formatDate(p.votingOpen)} to ${formatDate(p.votingClose)}`,
            { content: p.proposals, numeric: true },
            { content: p.ballots, numeric: true },
          ]),
        })}`,
    });
  });

  app.get("/budgeting/new", (c) => {
    requireAllowed(canManageProcesses(requireActor(c)), "Only officers can set up a process.");
    return processForm(c, {});
  });
  app.post("/budgeting/new", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const created = await orFormErrors(
      () => callForPage(c, createProcess, actor, values),
      (errors, status) => processForm(c, values, errors, status),
    );
    return created instanceof Response ? created : c.redirect(`${staffPath(created)}?done=created`, 303);
  });

  app.get("/budgeting/:id", async (c) => {
    const { actor, db, process } = await processForStaff(
      c,
      canViewProcesses,
      "Only staff can manage processes.",
    );
    const [proposals, ballots, funded] = await Promise.all([
      listProposals(db, actor.organisationId, process.id),
      countBallots(db, actor.organisationId, process.id),
      fundedProjectsOf(db, actor.organisationId, process.id),
    ]);
    const manage = canManageProcesses(actor);
    const ruleLocked = ballots > 0 || process.phase === "results";
    return renderPage(c, {
      title: process.title,
      fullWidth: true,
      breadcrumbs: [{ href: "/budgeting", text: "Participatory budgeting" }],
      notification:
        codeMailingNotice(c) ??
        flashFrom(c, {
          created: "The process has been set up.",
          moved: "The process has moved to its next phase.",
          reviewed: "The review has been saved.",
          rule: "The counting rule has been saved.",
          paper: "The paper ballot has been entered.",
          invested: "The funded projects are in the community investment portfolio.",
          extended: "Voting has been extended.",
          reopened: "Voting has been reopened.",
        }),
      content: html`<span class="govuk-caption-l">Participatory budgeting</span><h1 class="govuk-heading-l">${process.title}</h1>
        ${summaryList([
          { key: "Phase", value: phaseTag(process, c.get("now")) },
          {
            key: "Budgets",
            value: process.budgets
              .map((b) => `${b.name}: ${formatMoney(b.amountPence, process.currency)}`)
              .join("; "),
          },
          {
            key: "Dates",
            value: `Ideas ${formatDate(process.proposalsOpen)}, checking ${formatDate(process.reviewOpen)}, voting ${formatDate(process.votingOpen)} to ${formatDate(process.votingClose)}, results ${formatDate(process.resultsDate)}`,
          },
          {
            key: "Results",
            value:
              process.publishResults === "automatic"
                ? "Counted and published automatically on the results date"
                : "Counted and published when an officer closes voting",
          },
          {
            key: "Who can vote",
            value: `${process.eligibility === "tenants" ? "Tenants" : "Residents"} aged ${process.minimumAge} or over, ${process.areaKind === "all" ? "in all our homes" : `in ${process.areaKind.replace("-", " ")} ${process.areaCode}`}`,
          },
          {
            key: "Ballot",
            value:
              process.ballotKind === "approval"
                ? `Approval${process.minChoices ? `, at least ${process.minChoices}` : ""}${process.maxChoices ? `, at most ${process.maxChoices}` : ""}`
                : process.ballotKind === "knapsack"
                  ? "Knapsack (within the budget)"
                  : `Points (${process.pointsTotal} each)`,
          },
          {
            key: "Counting rule",
            value: `${ruleSummary(process)}; ties go to the lower reference${ruleLocked ? " (locked: votes exist)" : ""}`,
          },
          { key: "Ballots cast", value: String(ballots) },
          {
            key: "Public page",
            value: html`<a class="govuk-link" href="${publicPath(process)}">${publicPath(process)}</a>`,
          },
        ])}
        ${manage && process.phase !== "results" ? html`<form method="post" action="${staffPath(process)}/phase" novalidate>${csrf(c)}<input type="hidden" name="expected" value="${process.phase}">${button({ text: nextAction[process.phase] ?? "Next phase", variant: process.phase === "voting" ? "warning" : "primary" })}</form>` : ""}
        ${process.phase === "results" ? html`<p class="govuk-body"><a class="govuk-link" href="${publicPath(process)}/results">See the results</a> · <a class="govuk-link" href="${staffPath(process)}/export.pb">Download as a pabulib file</a></p>` : ""}
        ${manage && process.phase === "results" ? investmentForm(c, process, funded.size) : ""}
        ${canExtendVoting(actor) && process.phase === "voting" ? html`<p class="govuk-body"><a class="govuk-link" href="${staffPath(process)}/voting-close">${votingState(process, c.get("now")) === "open" ? "Extend voting" : "Reopen voting"}</a></p>` : ""}
        ${manage && (process.phase === "review" || process.phase === "voting") ? codeMailingForm(c, process) : ""}
        <h2 class="govuk-heading-m">Ideas</h2>
        ${table({
          caption: `${proposals.length} ideas`,
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Ref" },
            { text: "Idea" },
            { text: "Status" },
            { text: "Estimated", numeric: true },
            { text: "Final cost", numeric: true },
            { text: "Action" },
          ],
          rows: proposals.map((p) => [
            p.reference,
            p.title,
            statusTag(p.status),
            {
              content: p.estimatedCostPence ? formatMoney(p.estimatedCostPence, process.currency) : "–",
              numeric: true,
            },
            {
              content: p.finalCostPence ? formatMoney(p.finalCostPence, process.currency) : "–",
              numeric: true,
            },
            manage && (process.phase === "proposals" || process.phase === "review")
              ? html`<a class="govuk-link" href="${staffPath(process)}/proposals/${p.id}/review">Review<span class="govuk-visually-hidden"> ${p.title}</span></a>`
              : "",
          ]),
        })}
        ${manage && canChooseRule(actor, ruleLocked) && process.ballotKind !== "cumulative" ? ruleForm(c, process) : ""}
        ${
          manage && process.phase === "voting"
            ? html`<h2 class="govuk-heading-m">Paper ballots and voting codes</h2><p class="govuk-body"><a class="govuk-link" href="${staffPath(process)}/paper">Enter a paper ballot</a></p>
          <form method="get" action="${staffPath(process)}/codes" novalidate>${textInput({ name: "q", label: "Issue a voting code to a resident", hint: "Find them by name, email address or postcode", width: 20, autocomplete: "off", spellcheck: false })}${button({ text: "Find resident", variant: "secondary" })}</form>`
            : ""
        }`,
    });
  });

  const ruleForm = (c: Context<AppEnv>, process: Awaited<ReturnType<typeof findProcess>>) =>
    html`<h2 class="govuk-heading-m">Counting rule</h2><form method="post" action="${staffPath(process)}/rule" novalidate>${csrf(c)}
      ${radios({ name: "rule", legend: { text: "How are votes counted?", classes: "govuk-fieldset__legend--s" }, value: process.rule, items: (["greedy", "mes", "phragmen"] as const).map((r) => ({ value: r, text: ruleNames[r] })) })}
      ${radios({
        name: "utility",
        legend: { text: "Equal Shares utility", classes: "govuk-fieldset__legend--s" },
        value: process.utility,
        items: [
          { value: "cost", text: "Cost" },
          { value: "approval", text: "Approval" },
        ],
      })}
      ${radios({ name: "completion", legend: { text: "Equal Shares completion", classes: "govuk-fieldset__legend--s" }, value: process.completion, items: (["none", "add1", "add1-until-infeasible"] as const).map((k) => ({ value: k, text: completionNames[k] })) })}
      ${button({ text: "Save rule", variant: "secondary" })}</form>`;

  app.post("/budgeting/:id/phase", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    await callForPage(c, advancePhase, actor, c.req.param("id"), values.expected ?? "");
    return c.redirect(`/budgeting/${c.req.param("id")}?done=moved`, 303);
  });
  app.post("/budgeting/:id/rule", async (c) => {
    const actor = requireActor(c);
    await callForPage(c, setRule, actor, c.req.param("id"), await readForm(c));
    return c.redirect(`/budgeting/${c.req.param("id")}?done=rule`, 303);
  });
  app.post("/budgeting/:id/codes", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const code = await callForPage(
      c,
      issueVoteCode,
      actor,
      c.req.param("id"),
      (values.personId ?? "").trim(),
    );
    // Shown once, never stored: the officer sends it to the resident.
    return renderPage(c, {
      title: "Voting code issued",
      backLink: `/budgeting/${c.req.param("id")}`,
      content: html`${panel({ title: "Voting code issued", body: html`<strong>${code}</strong>` })}<p class="govuk-body">Send this code to the resident by letter, text or email. It will not be shown again. Issuing a new code replaces this one.</p>`,
    });
  });

  app.get("/budgeting/:id/export.pb", async (c) => {
    const actor = requireActor(c);
    const text = await exportPabulib(
      c.get("services").database.db,
      actor,
      c.req.param("id"),
      c.req.query("budget"),
    );
    return c.body(text, 200, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="process-${c.req.param("id")}.pb"`,
    });
  });
}

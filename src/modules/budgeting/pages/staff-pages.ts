import type { Context, Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  html,
  panel,
  radios,
  select,
  summaryList,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { castBallot } from "../commands/cast-ballot.ts";
import { createProcess } from "../commands/create-process.ts";
import { advancePhase, setRule } from "../commands/manage-process.ts";
import { reviewProposal } from "../commands/review-proposal.ts";
import { issueVoteCode } from "../commands/vote-codes.ts";
import { formatMoney } from "../money.ts";
import { canChooseRule, canManageProcesses, canViewProcesses } from "../policy.ts";
import { exportPabulib } from "../queries/pabulib-export.ts";
import {
  countBallots,
  feasibleProposals,
  findProcess,
  findProposal,
  listProcesses,
  listProposals,
} from "../queries/processes.ts";
import { ballotFields, choicesFrom } from "./ballot-fields.ts";
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
import { processForm } from "./process-form.ts";

const nextAction: Record<string, string> = {
  proposals: "Close ideas and start checking",
  review: "Open voting",
  voting: "Close voting and publish results",
};

export function staffPages(app: Hono<AppEnv>): void {
  app.get("/budgeting", async (c) => {
    const actor = requireActor(c);
    const processes = await listProcesses(c.get("services").database.db, actor);
    return renderPage(c, {
      title: "Participatory budgeting",
      fullWidth: true,
      notification: flashFrom(c, { created: "The process has been set up." }),
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
            phaseTag(p.phase),
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
      () => createProcess(c.get("services").database.db, actor, c.get("now"), values),
      (errors, status) => processForm(c, values, errors, status),
    );
    return created instanceof Response ? created : c.redirect(`${staffPath(created)}?done=created`, 303);
  });

  app.get("/budgeting/:id", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewProcesses(actor), "Only staff can manage processes.");
    const db = c.get("services").database.db;
    const process = await findProcess(db, actor.organisationId, c.req.param("id"));
    const [proposals, ballots] = await Promise.all([
      listProposals(db, actor.organisationId, process.id),
      countBallots(db, actor.organisationId, process.id),
    ]);
    const manage = canManageProcesses(actor);
    const ruleLocked = ballots > 0 || process.phase === "results";
    return renderPage(c, {
      title: process.title,
      fullWidth: true,
      breadcrumbs: [{ href: "/budgeting", text: "Participatory budgeting" }],
      notification: flashFrom(c, {
        created: "The process has been set up.",
        moved: "The process has moved to its next phase.",
        reviewed: "The review has been saved.",
        rule: "The counting rule has been saved.",
        paper: "The paper ballot has been entered.",
      }),
      content: html`<span class="govuk-caption-l">Participatory budgeting</span><h1 class="govuk-heading-l">${process.title}</h1>
        ${summaryList([
          { key: "Phase", value: phaseTag(process.phase) },
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
          <form method="post" action="${staffPath(process)}/codes" novalidate>${csrf(c)}${textInput({ name: "personId", label: "Issue a voting code to a resident", hint: "The resident's record id, from their page under People", width: 30 })}${button({ text: "Issue code", variant: "secondary" })}</form>`
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
    await advancePhase(
      c.get("services").database.db,
      actor,
      c.get("now"),
      c.req.param("id"),
      values.expected ?? "",
    );
    return c.redirect(`/budgeting/${c.req.param("id")}?done=moved`, 303);
  });
  app.post("/budgeting/:id/rule", async (c) => {
    const actor = requireActor(c);
    await setRule(c.get("services").database.db, actor, c.get("now"), c.req.param("id"), await readForm(c));
    return c.redirect(`/budgeting/${c.req.param("id")}?done=rule`, 303);
  });
  app.post("/budgeting/:id/codes", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const code = await issueVoteCode(
      c.get("services").database.db,
      actor,
      c.get("now"),
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

  const reviewForm = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    const process = await findProcess(db, actor.organisationId, c.req.param("id") ?? "");
    const proposal = await findProposal(
      db,
      actor.organisationId,
      process.id,
      c.req.param("proposalId") ?? "",
    );
    if (proposal.status === "draft") return c.notFound();
    return renderPage(c, {
      title: `Review: ${proposal.title}`,
      errors,
      status,
      backLink: staffPath(process),
      content: html`<span class="govuk-caption-l">Idea ${proposal.reference}</span><h1 class="govuk-heading-l">Review: ${proposal.title}</h1>
        ${summaryList([
          { key: "Description", value: proposal.description },
          { key: "Where", value: proposal.location },
          { key: "Kind", value: proposal.category },
          {
            key: "Resident's estimate",
            value: proposal.estimatedCostPence
              ? formatMoney(proposal.estimatedCostPence, process.currency)
              : "–",
          },
        ])}
        <form method="post" novalidate>${csrf(c)}
          ${radios({
            name: "decision",
            legend: { text: "Can it go ahead?", classes: "govuk-fieldset__legend--m" },
            value: values.decision,
            error: errors.decision,
            items: [
              { value: "feasible", text: "Yes, it is feasible" },
              { value: "infeasible", text: "No, it is not feasible" },
            ],
          })}
          ${textInput({ name: "finalCostPence", label: "Final cost in pounds (if feasible)", hint: "Voters see this cost, and it is what the count uses", prefix: "£", width: 10, value: values.finalCostPence ?? (proposal.finalCostPence ? String(proposal.finalCostPence / 100) : ""), error: errors.finalCostPence })}
          ${textarea({ name: "reason", label: "Reason (needed if not feasible; residents will see it)", value: values.reason ?? proposal.reviewReason ?? "", error: errors.reason, rows: 3 })}
          ${process.budgets.length > 1 ? select({ name: "budgetId", label: "Budget", value: values.budgetId ?? proposal.budgetId ?? "", error: errors.budgetId, options: process.budgets.map((b) => ({ value: b.id, text: b.name })) }) : ""}
          ${button({ text: "Save review" })}
        </form>`,
    });
  };
  app.get("/budgeting/:id/proposals/:proposalId/review", async (c) => reviewForm(c, {}));
  app.post("/budgeting/:id/proposals/:proposalId/review", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      await reviewProposal(
        c.get("services").database.db,
        actor,
        c.get("now"),
        c.req.param("id"),
        c.req.param("proposalId"),
        values,
      );
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 409))
        return reviewForm(
          c,
          values,
          error.fieldErrors ?? { decision: error.detail },
          error.status === 409 ? 409 : 422,
        );
      throw error;
    }
    return c.redirect(`/budgeting/${c.req.param("id")}?done=reviewed`, 303);
  });

  const paperForm = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    chosen: Map<string, number>,
    errors: Record<string, string> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const actor = requireActor(c);
    requireAllowed(canManageProcesses(actor), "Only officers can enter paper ballots.");
    const db = c.get("services").database.db;
    const process = await findProcess(db, actor.organisationId, c.req.param("id") ?? "");
    const budget = process.budgets.find((b) => b.id === values.budgetId) ?? process.budgets[0];
    const proposals = await feasibleProposals(db, actor.organisationId, process.id, budget.id);
    return renderPage(c, {
      title: "Enter a paper ballot",
      errors,
      status,
      backLink: staffPath(process),
      content: html`<span class="govuk-caption-l">${process.title}</span><h1 class="govuk-heading-l">Enter a paper ballot</h1>
        <form method="post" novalidate>${csrf(c)}<input type="hidden" name="budgetId" value="${budget.id}">
          ${textInput({ name: "paperReference", label: "Ballot paper number", value: values.paperReference, error: errors.paperReference, width: 10 })}
          ${textInput({ name: "personId", label: "Resident record id, if the paper names the voter (optional)", hint: "Then the resident cannot also vote online", value: values.personId, error: errors.personId, width: 30 })}
          ${ballotFields(process, budget, proposals, chosen, errors.choices)}
          ${button({ text: "Enter ballot" })}
        </form>`,
    });
  };
  app.get("/budgeting/:id/paper", async (c) =>
    paperForm(c, { budgetId: c.req.query("budget") ?? "" }, new Map()),
  );
  app.post("/budgeting/:id/paper", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const chosen = choicesFrom(values, await readFormList(c, "choice"));
    const personId = (values.personId ?? "").trim();
    try {
      await castBallot(
        c.get("services").database.db,
        actor,
        c.get("now"),
        actor.organisationId,
        c.req.param("id"),
        values.budgetId ?? "",
        { channel: "paper", paperReference: values.paperReference ?? "", personId: personId || null },
        chosen,
      );
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 409))
        return paperForm(
          c,
          values,
          chosen,
          error.fieldErrors ?? { paperReference: error.detail },
          error.status === 409 ? 409 : 422,
        );
      throw error;
    }
    return c.redirect(`/budgeting/${c.req.param("id")}?done=paper`, 303);
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

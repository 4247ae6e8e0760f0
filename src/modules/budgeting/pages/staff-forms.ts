// Officers' case-work forms: reviewing an idea, and typing in a paper ballot.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
  html,
  radios,
  select,
  summaryList,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { castBallot } from "../commands/cast-ballot.ts";
import { reviewProposal } from "../commands/review-proposal.ts";
import { formatMoney } from "../money.ts";
import { canManageProcesses } from "../policy.ts";
import { feasibleProposals, findProposal } from "../queries/processes.ts";
import { ballotFields, choicesFrom } from "./ballot-fields.ts";
import { csrf, staffPath } from "./common.ts";
import { processForStaff } from "./staff-process.ts";

export function staffForms(app: Hono<AppEnv>): void {
  const reviewForm = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    status: 200 | FormErrorStatus = 200,
  ) => {
    const { actor, db, process } = await processForStaff(
      c,
      canManageProcesses,
      "Only officers can review proposals.",
    );
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
      await callForPage(c, reviewProposal, actor, c.req.param("id"), c.req.param("proposalId"), values);
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
    status: 200 | FormErrorStatus = 200,
  ) => {
    const { actor, db, process } = await processForStaff(
      c,
      canManageProcesses,
      "Only officers can enter paper ballots.",
    );
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
      await callForPage(
        c,
        castBallot,
        actor,
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
}

// The resident's idea journey: one question per page (GOV.UK question pages), saved as
// a draft after each answer, then check answers and a confirmation.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, html, radios, summaryList, textarea, textInput } from "../../../platform/ui/index.ts";
import {
  answerProposalStep,
  getDraft,
  nextUnanswered,
  type ProposalStep,
  proposalSteps,
  startProposal,
  submitProposal,
} from "../commands/proposals.ts";
import { formatMoney } from "../money.ts";
import { findProcess } from "../queries/processes.ts";
import { type PbProposal, proposalCategories } from "../schema.ts";
import { csrf } from "./common.ts";

const questions: Record<ProposalStep, string> = {
  title: "What is your idea called?",
  description: "Describe your idea",
  location: "Where would it happen?",
  cost: "How much do you think it will cost?",
  category: "What kind of idea is it?",
};

function field(step: ProposalStep, draft: PbProposal, value: string | undefined, error: string | undefined) {
  const common = { label: questions[step], labelClasses: "govuk-label--l", isPageHeading: true, error };
  switch (step) {
    case "title":
      return textInput({
        ...common,
        name: "title",
        hint: "A short name people will recognise, like 'Benches on Oast Green'",
        value: value ?? draft.title,
      });
    case "description":
      return textarea({
        ...common,
        name: "description",
        hint: "What it is, who it helps and why it matters",
        value: value ?? draft.description,
        rows: 6,
      });
    case "location":
      return textInput({
        ...common,
        name: "location",
        hint: "A street, block, green or building",
        value: value ?? draft.location,
      });
    case "cost":
      return textInput({
        ...common,
        name: "estimatedCostPence",
        hint: "Your best guess in pounds. We will check it.",
        prefix: "£",
        width: 10,
        inputmode: "decimal",
        value: value ?? (draft.estimatedCostPence ? String(draft.estimatedCostPence / 100) : ""),
      });
    case "category":
      return radios({
        name: "category",
        legend: { text: questions.category, classes: "govuk-fieldset__legend--l", isPageHeading: true },
        error,
        value: value ?? draft.category,
        items: proposalCategories.map((k) => ({ value: k, text: k })),
      });
  }
}

const fieldName: Record<ProposalStep, string> = {
  title: "title",
  description: "description",
  location: "location",
  cost: "estimatedCostPence",
  category: "category",
};

export function proposePages(app: Hono<AppEnv>): void {
  const base = (c: Context<AppEnv>) => `/pb/${c.req.param("org")}/${c.req.param("pid")}`;
  const sameOrganisation = (c: Context<AppEnv>) => {
    const actor = requireActor(c);
    if (actor.organisationId !== c.req.param("org"))
      throw new Problem(404, "not-found", "Process not found", "Check the address or link and try again.");
    return actor;
  };

  app.post("/pb/:org/:pid/propose", async (c) => {
    const actor = sameOrganisation(c);
    const draft = await callForPage(c, startProposal, actor, c.req.param("pid"));
    return c.redirect(`${base(c)}/propose/${draft.id}/title`, 303);
  });

  const questionPage = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string> = {},
  ) => {
    const actor = sameOrganisation(c);
    const step = proposalSteps.find((s) => s === c.req.param("step"));
    if (!step) return c.notFound();
    const draft = await getDraft(
      c.get("services").database.db,
      actor,
      c.req.param("pid") ?? "",
      c.req.param("draft") ?? "",
    );
    const index = proposalSteps.indexOf(step);
    const back = index === 0 ? base(c) : `${base(c)}/propose/${draft.id}/${proposalSteps[index - 1]}`;
    return renderPage(c, {
      title: questions[step],
      errors,
      status: Object.keys(errors).length ? 422 : 200,
      backLink: back,
      content: html`<form method="post" novalidate>${csrf(c)}${field(step, draft, values[fieldName[step]], errors[fieldName[step]])}${button({ text: "Continue" })}</form>`,
    });
  };
  app.get("/pb/:org/:pid/propose/:draft/:step{(title|description|location|cost|category)}", (c) =>
    questionPage(c, {}),
  );
  app.post("/pb/:org/:pid/propose/:draft/:step{(title|description|location|cost|category)}", async (c) => {
    const actor = sameOrganisation(c);
    const values = await readForm(c);
    const step = c.req.param("step") as ProposalStep;
    const db = c.get("services").database.db;
    try {
      await answerProposalStep(
        db,
        actor,
        c.get("now"),
        c.req.param("pid"),
        c.req.param("draft"),
        step,
        values,
      );
    } catch (error) {
      if (error instanceof Problem && error.status === 422) return questionPage(c, values, error.fieldErrors);
      throw error;
    }
    const draft = await getDraft(db, actor, c.req.param("pid"), c.req.param("draft"));
    const next = nextUnanswered(draft);
    return c.redirect(`${base(c)}/propose/${draft.id}/${next ?? "check"}`, 303);
  });

  app.get("/pb/:org/:pid/propose/:draft/check", async (c) => {
    const actor = sameOrganisation(c);
    const db = c.get("services").database.db;
    const draft = await getDraft(db, actor, c.req.param("pid"), c.req.param("draft"));
    const process = await findProcess(db, actor.organisationId, c.req.param("pid"));
    const change = (step: ProposalStep, what: string) => [
      { href: `${base(c)}/propose/${draft.id}/${step}`, text: "Change", visuallyHiddenText: what },
    ];
    return renderPage(c, {
      title: "Check your idea before you send it",
      backLink: `${base(c)}/propose/${draft.id}/category`,
      content: html`<h1 class="govuk-heading-l">Check your idea before you send it</h1>
        ${summaryList([
          { key: "Name", value: draft.title || "Not answered", actions: change("title", "name") },
          {
            key: "Description",
            value: draft.description || "Not answered",
            actions: change("description", "description"),
          },
          { key: "Where", value: draft.location || "Not answered", actions: change("location", "where") },
          {
            key: "Estimated cost",
            value: draft.estimatedCostPence
              ? formatMoney(draft.estimatedCostPence, process.currency)
              : "Not answered",
            actions: change("cost", "estimated cost"),
          },
          {
            key: "Kind of idea",
            value: draft.category || "Not answered",
            actions: change("category", "kind of idea"),
          },
        ])}
        <h2 class="govuk-heading-m">Now send your idea</h2>
        <p class="govuk-body">Our officers will check whether it can go ahead and what it will cost. Everyone will be able to see it.</p>
        <form method="post" novalidate>${csrf(c)}${button({ text: "Send idea" })}</form>`,
    });
  });
  app.post("/pb/:org/:pid/propose/:draft/check", async (c) => {
    const actor = sameOrganisation(c);
    const submitted = await callForPage(c, submitProposal, actor, c.req.param("pid"), c.req.param("draft"));
    return c.redirect(`${base(c)}/proposals/${submitted.id}?done=submitted`, 303);
  });
}

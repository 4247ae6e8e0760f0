import type { Hono } from "hono";
import { getOrganisation } from "../../../platform/access/organisations.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatDate, html, panel, summaryList, table } from "../../../platform/ui/index.ts";
import { formatMoney } from "../money.ts";
import { canPropose, canSeeProposal } from "../policy.ts";
import { costOf, findProcess, findProposal, listProcessesOf, listProposals } from "../queries/processes.ts";
import { isVotingOpen, votingState } from "../voting-window.ts";
import { csrf, phaseTag, publicPath, ruleSummary, statusTag } from "./common.ts";

/** Pages anyone can read: the process, its ideas, and (once published) its results. */
export function publicPages(app: Hono<AppEnv>): void {
  // The "Have your say" link: a signed-in resident goes to their own organisation's processes.
  app.get("/participate", (c) => c.redirect(`/pb/${requireActor(c).organisationId}`, 303));

  app.get("/pb/:org", async (c) => {
    const org = c.req.param("org");
    const db = c.get("services").database.db;
    if (!isUuid(org) || !(await getOrganisation(db, org))) throw notFound("Page not found");
    const processes = await listProcessesOf(db, org);
    return renderPage(c, {
      title: "Have your say on how money is spent",
      content: html`<h1 class="govuk-heading-l">Have your say on how money is spent</h1>
        <p class="govuk-body-l">Put forward ideas for your area, then vote on which ones get the money.</p>
        ${
          processes.length === 0
            ? html`<p class="govuk-body">There is nothing to take part in at the moment. Come back soon.</p>`
            : table({
                caption: "Participatory budgeting",
                captionClasses: "govuk-visually-hidden",
                head: [{ text: "Process" }, { text: "Now" }, { text: "Voting" }],
                rows: processes.map((p) => [
                  html`<a class="govuk-link" href="${publicPath(p)}">${p.title}</a>`,
                  phaseTag(p, c.get("now")),
                  `${formatDate(p.votingOpen)} to ${formatDate(p.votingClose)}`,
                ]),
              })
        }`,
    });
  });

  app.get("/pb/:org/:pid", async (c) => {
    const db = c.get("services").database.db;
    const actor = c.get("actor");
    const process = await findProcess(db, c.req.param("org"), c.req.param("pid"));
    const proposals = await listProposals(db, process.organisationId, process.id);
    const shown =
      process.phase === "proposals" || process.phase === "review"
        ? proposals
        : proposals.filter((p) => p.status === "feasible");
    const signedInHere = actor !== null && actor.organisationId === process.organisationId;
    return renderPage(c, {
      title: process.title,
      breadcrumbs: [{ href: `/pb/${process.organisationId}`, text: "Have your say" }],
      content: html`<span class="govuk-caption-l">Participatory budgeting</span><h1 class="govuk-heading-l">${process.title}</h1>
        ${process.summary ? html`<p class="govuk-body-l">${process.summary}</p>` : ""}
        ${summaryList([
          { key: "Now", value: phaseTag(process, c.get("now")) },
          {
            key: "Money",
            value: process.budgets
              .map((b) => `${b.name}: ${formatMoney(b.amountPence, process.currency)}`)
              .join("; "),
          },
          {
            key: "Ideas",
            value: `${formatDate(process.proposalsOpen)} to ${formatDate(process.reviewOpen)}`,
          },
          { key: "Voting", value: `${formatDate(process.votingOpen)} to ${formatDate(process.votingClose)}` },
          { key: "Results", value: formatDate(process.resultsDate) },
          {
            key: "Who can vote",
            value: `${process.eligibility === "tenants" ? "Tenants" : "Residents"} aged ${process.minimumAge} or over${process.areaKind === "all" ? "" : ` living in ${process.areaCode}`}`,
          },
          { key: "How votes are counted", value: ruleSummary(process) },
        ])}
        ${process.phase === "proposals" && process.source === "kith" ? (signedInHere && actor && canPropose(actor, process) ? html`<form method="post" action="${publicPath(process)}/propose" novalidate>${csrf(c)}${button({ text: "Put forward an idea", isStartButton: true })}</form>` : html`<p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in</a> to put forward an idea.</p>`) : ""}
        ${isVotingOpen(process, c.get("now")) ? button({ text: "Vote now", href: `${publicPath(process)}/vote`, isStartButton: true }) : ""}
        ${votingState(process, c.get("now")) === "closed-awaiting-count" ? html`<p class="govuk-body">Voting closed at the end of ${formatDate(process.votingClose)}. The results will be published once the votes are counted.</p>` : ""}
        ${process.phase === "results" ? html`<p class="govuk-body"><a class="govuk-link govuk-!-font-weight-bold" href="${publicPath(process)}/results">See the results</a></p>` : ""}
        <h2 class="govuk-heading-m">Ideas</h2>
        ${table({
          caption: `${shown.length} ideas`,
          captionClasses: "govuk-visually-hidden",
          head: [{ text: "Idea" }, { text: "Status" }, { text: "Cost", numeric: true }],
          rows: shown.map((p) => [
            html`<a class="govuk-link" href="${publicPath(process)}/proposals/${p.id}">${p.title}</a>`,
            statusTag(p.status),
            { content: costOf(p) ? formatMoney(costOf(p), process.currency) : "–", numeric: true },
          ]),
        })}`,
    });
  });

  app.get("/pb/:org/:pid/proposals/:id", async (c) => {
    const db = c.get("services").database.db;
    const process = await findProcess(db, c.req.param("org"), c.req.param("pid"));
    const proposal = await findProposal(db, process.organisationId, process.id, c.req.param("id"));
    if (!canSeeProposal(c.get("actor"), proposal)) throw notFound("Proposal not found");
    const submitted = flashFrom(c, { submitted: "sent" }) !== undefined;
    return renderPage(c, {
      title: proposal.title,
      breadcrumbs: [{ href: publicPath(process), text: process.title }],
      content: html`${submitted ? panel({ title: "Idea sent", body: html`Your reference is<br><strong>${proposal.reference}</strong>` }) : ""}
        <span class="govuk-caption-l">Idea ${proposal.reference}</span><h1 class="govuk-heading-l">${proposal.title}</h1>
        ${summaryList([
          { key: "Status", value: statusTag(proposal.status) },
          { key: "Description", value: proposal.description || "–" },
          { key: "Where", value: proposal.location || "–" },
          { key: "Kind", value: proposal.category || "–" },
          {
            key: "Estimated cost",
            value: proposal.estimatedCostPence
              ? formatMoney(proposal.estimatedCostPence, process.currency)
              : "–",
          },
          ...(proposal.finalCostPence
            ? [{ key: "Final cost", value: formatMoney(proposal.finalCostPence, process.currency) }]
            : []),
          ...(proposal.status === "infeasible"
            ? [{ key: "Why it cannot go ahead", value: proposal.reviewReason ?? "–" }]
            : []),
        ])}`,
    });
  });
}

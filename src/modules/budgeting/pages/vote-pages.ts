// Voting: a signed-in resident, or someone holding a voting code (kept in a signed
// cookie for this process only). Works without JavaScript; budget-bar.js adds a live total.
import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { enforceLimit } from "../../../platform/auth/rate-limit.ts";
import { hmac, safeEqual } from "../../../platform/auth/tokens.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import type { FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage } from "../../../platform/http/render.ts";
import { button, formatDate, html, textInput } from "../../../platform/ui/index.ts";
import { type BallotChoices, castBallot, currentChoices, voterKey } from "../commands/cast-ballot.ts";
import { personForCode, redeemVoteCode, voteOnline } from "../commands/vote-codes.ts";
import { feasibleProposals, findProcess, type ProcessWithBudgets } from "../queries/processes.ts";
import { isVotingOpen } from "../voting-window.ts";
import { ballotFields, choicesFrom } from "./ballot-fields.ts";
import { csrf, publicPath } from "./common.ts";

const codeCookie = "kith_pb_code";

type VoterIdentity = { kind: "online"; personId: string } | { kind: "code"; personId: string } | null;

async function voterFor(c: Context<AppEnv>, process: ProcessWithBudgets): Promise<VoterIdentity> {
  const actor = c.get("actor");
  if (actor?.kind === "user" && actor.organisationId === process.organisationId && actor.personId)
    return { kind: "online", personId: actor.personId };
  const cookie = getCookie(c, codeCookie) ?? "";
  const [pid, codeId, signature] = cookie.split(".");
  if (!signature || pid !== process.id) return null;
  if (
    !safeEqual(signature, hmac(c.get("services").signingSecret, `${process.organisationId}:${pid}:${codeId}`))
  )
    return null;
  const personId = await personForCode(
    c.get("services").database.db,
    process.organisationId,
    process.id,
    codeId,
  );
  return personId ? { kind: "code", personId } : null;
}

export function votePages(app: Hono<AppEnv>): void {
  const votePage = async (
    c: Context<AppEnv>,
    submitted: BallotChoices | null,
    errors: Record<string, string> = {},
    status: 200 | 403 | FormErrorStatus = 200,
  ) => {
    const db = c.get("services").database.db;
    const process = await findProcess(db, c.req.param("org") ?? "", c.req.param("pid") ?? "");
    const budget = process.budgets.find((b) => b.id === c.req.query("budget")) ?? process.budgets[0];
    const voter = await voterFor(c, process);
    const title = `Vote: ${process.title}`;
    if (!isVotingOpen(process, c.get("now")))
      return renderPage(c, {
        title,
        status: submitted ? 409 : 200,
        backLink: publicPath(process),
        content:
          process.phase === "voting" || process.phase === "results"
            ? html`<h1 class="govuk-heading-l">Voting has closed</h1><p class="govuk-body">Voting closed at the end of ${formatDate(process.votingClose)}.</p>`
            : html`<h1 class="govuk-heading-l">Voting is not open</h1><p class="govuk-body">Voting runs from ${formatDate(process.votingOpen)} to the end of ${formatDate(process.votingClose)}.</p>`,
      });
    if (!voter) {
      return renderPage(c, {
        title,
        errors,
        status,
        backLink: publicPath(process),
        content: html`<h1 class="govuk-heading-l">${title}</h1>
          <p class="govuk-body">To make sure everyone votes once, <a class="govuk-link" href="/sign-in">sign in</a> to your resident account, or enter the voting code we sent you.</p>
          <form method="post" action="${publicPath(process)}/code" novalidate>${csrf(c)}${textInput({ name: "code", label: "Voting code", hint: "10 letters and numbers, like ABCD-EFGH-JK", error: errors.code, width: 10, autocomplete: "one-time-code", spellcheck: false, autocapitalize: "characters" })}${button({ text: "Continue" })}</form>`,
      });
    }
    const proposals = await feasibleProposals(db, process.organisationId, process.id, budget.id);
    const saved = await currentChoices(
      db,
      process.organisationId,
      budget.id,
      voterKey({ channel: voter.kind, personId: voter.personId }),
    );
    const chosen = submitted ?? saved ?? new Map();
    const voted = flashFrom(c, { voted: "Your vote has been saved. You can change it until voting closes." });
    return renderPage(c, {
      title,
      errors,
      status,
      notification: voted,
      backLink: publicPath(process),
      content: html`<h1 class="govuk-heading-l">${title}</h1>
        ${saved && !voted ? html`<p class="govuk-body">You have already voted. You can change your choices until voting closes at the end of ${formatDate(process.votingClose)}.</p>` : ""}
        ${process.budgets.length > 1 ? html`<p class="govuk-body">${process.budgets.map((b) => (b.id === budget.id ? html`<strong>${b.name}</strong> ` : html`<a class="govuk-link" href="?budget=${b.id}">${b.name}</a> `))}</p>` : ""}
        <form method="post" action="${publicPath(process)}/vote?budget=${budget.id}" novalidate>${csrf(c)}
          ${ballotFields(process, budget, proposals, chosen, errors.choices)}
          ${button({ text: saved ? "Change my vote" : "Cast my vote" })}
        </form>
        <script src="/budgeting/assets/budget-bar.js" defer></script>`,
    });
  };

  app.get("/pb/:org/:pid/vote", (c) => votePage(c, null));
  app.post("/pb/:org/:pid/code", async (c) => {
    const values = await readForm(c);
    const org = c.req.param("org");
    const pid = c.req.param("pid");
    await enforceLimit(c, "vote-code");
    try {
      const { codeId } = await redeemVoteCode(
        c.get("services").database.db,
        c.get("now"),
        org,
        pid,
        values.code ?? "",
      );
      setCookie(
        c,
        codeCookie,
        `${pid}.${codeId}.${hmac(c.get("services").signingSecret, `${org}:${pid}:${codeId}`)}`,
        {
          httpOnly: true,
          sameSite: "Lax",
          secure: c.get("services").config.secureCookies,
          path: `/pb/${org}/${pid}`,
        },
      );
    } catch (error) {
      if (error instanceof Problem && error.status === 422) return votePage(c, null, error.fieldErrors, 422);
      throw error;
    }
    return c.redirect(`/pb/${org}/${pid}/vote`, 303);
  });
  app.post("/pb/:org/:pid/vote", async (c) => {
    const db = c.get("services").database.db;
    const process = await findProcess(db, c.req.param("org"), c.req.param("pid"));
    const budgetId = c.req.query("budget") ?? process.budgets[0]?.id ?? "";
    const values = await readForm(c);
    const chosen = choicesFrom(values, await readFormList(c, "choice"));
    const voter = await voterFor(c, process);
    if (!voter) return votePage(c, null, {}, 403);
    const actor = c.get("actor");
    try {
      if (voter.kind === "online" && actor)
        await voteOnline(db, actor, c.get("now"), process.id, budgetId, chosen);
      else
        await castBallot(
          db,
          null,
          c.get("now"),
          process.organisationId,
          process.id,
          budgetId,
          { channel: "code", personId: voter.personId },
          chosen,
        );
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 409 || error.status === 403))
        return votePage(
          c,
          chosen,
          error.fieldErrors ?? { choices: error.detail },
          error.status as 403 | 409 | 422,
        );
      throw error;
    }
    return c.redirect(`${publicPath(process)}/vote?budget=${budgetId}&done=voted`, 303);
  });
}

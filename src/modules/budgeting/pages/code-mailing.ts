import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { requireActor } from "../../../platform/http/render.ts";
import { button, html } from "../../../platform/ui/index.ts";
import { sendVoteCodes } from "../commands/send-vote-codes.ts";
import type { PbProcess } from "../schema.ts";
import { csrf, staffPath } from "./common.ts";

/** The officer's button that emails a voting code to every eligible resident without one. */
export function codeMailingForm(c: Context<AppEnv>, process: PbProcess) {
  return html`<h2 class="govuk-heading-m">Email voting codes</h2>
    <p class="govuk-body">Send a one-time voting code to every eligible resident with an email address who does not have a code yet. Residents who already have one are not sent another.</p>
    <form method="post" action="${staffPath(process)}/codes/send" novalidate>${csrf(c)}${button({ text: "Email voting codes", variant: "secondary" })}</form>`;
}

/** The success banner after a mailing, from the counts in the address. */
export function codeMailingNotice(c: Context<AppEnv>) {
  if (c.req.query("done") !== "codes") return undefined;
  const count = (name: string) => Number.parseInt(c.req.query(name) ?? "0", 10) || 0;
  return {
    type: "success" as const,
    content: `Voting codes queued for ${count("sent")} resident${count("sent") === 1 ? "" : "s"}. ${count("had")} already had a code; ${count("ineligible")} with an email address cannot vote in this process.`,
  };
}

export function codeMailingPages(app: Hono<AppEnv>): void {
  app.post("/budgeting/:id/codes/send", async (c) => {
    const actor = requireActor(c);
    const made = await callForPage(
      c,
      sendVoteCodes,
      actor,
      c.req.param("id"),
      c.get("services").config.publicUrl,
    );
    return c.redirect(
      `/budgeting/${c.req.param("id")}?done=codes&sent=${made.sent}&had=${made.alreadyHadCode}&ineligible=${made.notEligible}`,
      303,
    );
  });
}

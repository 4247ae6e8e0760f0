import type { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import type { AppEnv } from "../../http/app-env.ts";
import { sessionCookie } from "../../http/authenticate.ts";
import { renderPage, requireActor } from "../../http/render.ts";
import { button, html, warningText } from "../../ui/index.ts";
import { listApiTokens, revokeAllApiTokens } from "../api-tokens.ts";
import { destroyAllSessions } from "../sessions.ts";

/** "Sign out everywhere" asks first, because it also stops every system using the person's API tokens. */
export function signOutEverywherePages(app: Hono<AppEnv>): void {
  app.get("/account/sign-out-everywhere", async (c) => {
    const actor = requireActor(c);
    const now = c.get("now");
    const live = (await listApiTokens(c.get("services").database.db, actor)).filter(
      (token) => !token.revokedAt && token.expiresAt > now,
    );
    return renderPage(c, {
      title: "Sign out everywhere",
      backLink: "/account",
      content: html`<h1 class="govuk-heading-l">Sign out everywhere</h1>
        <p class="govuk-body">This ends every session on every device, including this one.</p>
        ${
          live.length
            ? warningText(
                `It also revokes your ${live.length} API token${live.length === 1 ? "" : "s"} (${live.map((token) => token.name).join(", ")}). Systems that use ${live.length === 1 ? "it" : "them"} will stop working until you give them a new token.`,
              )
            : html`<p class="govuk-body">You have no API tokens to revoke.</p>`
        }
        <form method="post" action="/account/sign-out-everywhere"><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">${button({ text: "Sign out everywhere", variant: "warning" })}</form>`,
    });
  });

  app.post("/account/sign-out-everywhere", async (c) => {
    const actor = requireActor(c);
    const db = c.get("services").database.db;
    if (actor.kind === "user") {
      await db.transaction(async (tx) => {
        await destroyAllSessions(tx, actor.organisationId, actor.userId);
        await revokeAllApiTokens(tx, actor.organisationId, actor.userId, c.get("now"));
      });
    }
    deleteCookie(c, sessionCookie, { path: "/" });
    return c.redirect("/signed-out", 303);
  });
}

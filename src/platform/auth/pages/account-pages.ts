import { type Context, Hono } from "hono";
import { roleNames } from "../../access/actor.ts";
import { isOrganisationAdmin } from "../../access/policy.ts";
import type { AppEnv } from "../../http/app-env.ts";
import { readForm, readFormList } from "../../http/forms.ts";
import { Problem } from "../../http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../http/render.ts";
import {
  button,
  checkboxes,
  formatDateTime,
  html,
  insetText,
  summaryList,
  table,
  textInput,
} from "../../ui/index.ts";
import { apiTokenMaxDays } from "../api-token-settings.ts";
import { createApiToken, listApiTokens, revokeApiToken, scopesFor } from "../api-tokens.ts";
import { signOutEverywherePages } from "./sign-out-everywhere-pages.ts";
import { tokenSettingsPages } from "./token-settings-pages.ts";

const messages = { revoked: "The token has been revoked." };

async function showAccount(
  c: Context<AppEnv>,
  extra: {
    errors?: Record<string, string>;
    values?: Record<string, string>;
    newToken?: string;
    status?: 200 | 422;
  } = {},
) {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const tokens = await listApiTokens(db, actor);
  const maxDays = await apiTokenMaxDays(db, actor.organisationId);
  const csrf = html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}">`;
  return renderPage(c, {
    title: "Your account",
    errors: extra.errors,
    status: extra.status,
    notification: extra.newToken
      ? {
          type: "success",
          title: "Token created",
          content: html`<p class="govuk-notification-banner__heading">Copy this token now. It will not be shown again.</p><p class="govuk-body"><code class="kith-token">${extra.newToken}</code></p>`,
        }
      : flashFrom(c, messages),
    content: html`<h1 class="govuk-heading-l">Your account</h1>
      ${
        actor.kind === "user"
          ? summaryList([
              { key: "Name", value: actor.name },
              { key: "Email", value: actor.email },
              { key: "Role", value: roleNames[actor.role] },
            ])
          : ""
      }
      <h2 class="govuk-heading-m">Sign out everywhere</h2>
      <p class="govuk-body">End every session on every device, for example after losing a phone. This also revokes your API tokens.</p>
      <p class="govuk-body"><a class="govuk-link" href="/account/sign-out-everywhere">Sign out everywhere</a></p>
      <h2 class="govuk-heading-m">API tokens</h2>
      <p class="govuk-body">Other systems use a token to call the <a class="govuk-link" href="/api/openapi.json">Kith API</a> as you, limited to the scopes you choose, until it expires.</p>
      ${isOrganisationAdmin(actor) ? html`<p class="govuk-body"><a class="govuk-link" href="/admin/api-tokens">Change the longest token lifetime</a></p>` : ""}
      ${
        tokens.length
          ? table({
              caption: "Your tokens",
              captionClasses: "govuk-table__caption--s",
              head: [
                { text: "Name" },
                { text: "Scopes" },
                { text: "Created" },
                { text: "Expires" },
                { text: "Last used" },
                { text: "Action" },
              ],
              rows: tokens.map((token) => [
                token.name,
                token.scopes.join(", "),
                formatDateTime(token.createdAt),
                token.expiresAt <= c.get("now") ? "Expired" : formatDateTime(token.expiresAt),
                token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never",
                token.revokedAt || token.expiresAt <= c.get("now")
                  ? token.revokedAt
                    ? "Revoked"
                    : "None"
                  : html`<form method="post" action="/account/tokens/${token.id}/revoke">${csrf}<button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">Revoke<span class="govuk-visually-hidden"> ${token.name}</span></button></form>`,
              ]),
            })
          : insetText("You have no API tokens.")
      }
      <form method="post" action="/account/tokens" novalidate>${csrf}
        ${textInput({ name: "name", label: "Token name", hint: "What will use it, like 'Housing system sync'", error: extra.errors?.name })}
        ${checkboxes({ name: "scopes", legend: { text: "Scopes", classes: "govuk-fieldset__legend--s" }, small: true, items: scopesFor(actor).map((scope) => ({ value: scope, text: scope })), error: extra.errors?.scopes })}
        ${textInput({ name: "expiresInDays", label: "Days until the token expires", hint: `Up to ${maxDays} days, your organisation's longest token lifetime`, inputmode: "numeric", width: 4, value: extra.values?.expiresInDays ?? String(maxDays), error: extra.errors?.expiresInDays })}
        ${button({ text: "Create token", variant: "secondary" })}
      </form>`,
  });
}

export function accountPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/account", (c) => showAccount(c));
  signOutEverywherePages(app);
  tokenSettingsPages(app);
  app.post("/account/tokens", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const scopes = await readFormList(c, "scopes");
    try {
      const days = (values.expiresInDays ?? "").trim();
      const created = await createApiToken(c.get("services").database.db, actor, c.get("now"), {
        name: values.name ?? "",
        scopes,
        // Not a whole number: let the command report it against the field.
        expiresInDays: /^\d{1,4}$/.test(days) ? Number(days) : days === "" ? undefined : Number.NaN,
      });
      return showAccount(c, { newToken: created.token });
    } catch (error) {
      if (error instanceof Problem && error.status === 422)
        return showAccount(c, { errors: error.fieldErrors, values, status: 422 });
      throw error;
    }
  });
  app.post("/account/tokens/:id/revoke", async (c) => {
    const actor = requireActor(c);
    await revokeApiToken(c.get("services").database.db, actor, c.get("now"), c.req.param("id"));
    return c.redirect("/account?done=revoked", 303);
  });
  return app;
}

import type { Context, Hono } from "hono";
import { isOrganisationAdmin, requireAllowed } from "../../access/policy.ts";
import type { AppEnv } from "../../http/app-env.ts";
import { readForm } from "../../http/forms.ts";
import { Problem } from "../../http/problem.ts";
import { renderPage, requireActor } from "../../http/render.ts";
import { button, html, textInput } from "../../ui/index.ts";
import { apiTokenMaxDays, longestTokenDays, setApiTokenMaxDays } from "../api-token-settings.ts";

/** Organisation admins set the longest lifetime of new API tokens. */
export function tokenSettingsPages(app: Hono<AppEnv>): void {
  const show = async (
    c: Context<AppEnv>,
    value?: string,
    errors: Record<string, string> = {},
    status: 200 | 422 = 200,
  ) => {
    const actor = requireActor(c);
    requireAllowed(
      isOrganisationAdmin(actor),
      "Only organisation administrators can change token lifetimes.",
    );
    const current = await apiTokenMaxDays(c.get("services").database.db, actor.organisationId);
    return renderPage(c, {
      title: "API token lifetime",
      errors,
      status,
      backLink: "/account",
      notification: c.req.query("done")
        ? { type: "success", content: "The longest token lifetime has been saved." }
        : undefined,
      content: html`<h1 class="govuk-heading-l">API token lifetime</h1>
        <form method="post" action="/admin/api-tokens" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
          ${textInput({ name: "maxDays", label: "Longest lifetime of a new API token, in days", hint: `From 1 to ${longestTokenDays}. Tokens already made keep their expiry.`, inputmode: "numeric", width: 4, value: value ?? String(current), error: errors.maxDays })}
          ${button({ text: "Save" })}
        </form>`,
    });
  };
  app.get("/admin/api-tokens", (c) => show(c));
  app.post("/admin/api-tokens", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      await setApiTokenMaxDays(c.get("services").database.db, actor, c.get("now"), values.maxDays ?? "");
    } catch (error) {
      if (error instanceof Problem && error.status === 422)
        return show(c, values.maxDays, error.fieldErrors, 422);
      throw error;
    }
    return c.redirect("/admin/api-tokens?done=saved", 303);
  });
}

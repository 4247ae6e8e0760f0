import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env.ts";
import { csrfField } from "../../http/form-commands.ts";
import { readForm } from "../../http/forms.ts";
import { Problem } from "../../http/problem.ts";
import { renderPage } from "../../http/render.ts";
import { button, html, panel, passwordInput } from "../../ui/index.ts";
import { acceptInvitation } from "../invitations.ts";
import { enforceLimit } from "../rate-limit.ts";

// The page an invited user opens from their email. It shows nothing about the account until the
// link is spent, so a guessed or old link tells a stranger nothing.

function choosePassword(c: Context<AppEnv>, errors: Record<string, string> = {}, status: 200 | 422 = 200) {
  return renderPage(c, {
    title: "Choose your password",
    errors,
    status,
    content: html`<h1 class="govuk-heading-l">Choose your password</h1>
      <p class="govuk-body">You have been invited to use Kith. Choose a password, then sign in with the email address the invitation was sent to.</p>
      <form method="post" novalidate>${csrfField(c)}
        ${passwordInput({ name: "password", label: "Password", autocomplete: "new-password", hint: "At least 12 characters. A few random words make a good password.", error: errors.password })}
        ${button({ text: "Save password" })}</form>`,
  });
}

export function invitationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/invitation/:token", (c) => choosePassword(c));
  app.post("/invitation/:token", async (c) => {
    await enforceLimit(c, "password-reset");
    const values = await readForm(c);
    try {
      await acceptInvitation(
        c.get("services").database.db,
        c.req.param("token"),
        values.password ?? "",
        c.get("now"),
      );
    } catch (error) {
      if (error instanceof Problem && error.status === 422) {
        return choosePassword(c, { password: error.fieldErrors?.password ?? error.detail }, 422);
      }
      throw error;
    }
    return renderPage(c, {
      title: "Password saved",
      content: html`${panel({ title: "Password saved", headingLevel: 1 })}<p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in with your email address and new password</a>.</p>`,
    });
  });
  return app;
}

import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env.ts";
import { html } from "../../ui/index.ts";
import { acceptInvitation } from "../invitations.ts";
import { enforceLimit } from "../rate-limit.ts";
import { type ChoosePasswordPage, saveChosenPassword, showChoosePassword } from "./choose-password.ts";

// The page an invited user opens from their email. It shows nothing about the account until the
// link is spent, so a guessed or old link tells a stranger nothing.

const invitation: ChoosePasswordPage = {
  title: "Choose your password",
  explanation:
    "You have been invited to use Kith. Choose a password, then sign in with the email address the invitation was sent to.",
  label: "Password",
  saved: {
    title: "Password saved",
    next: html`<a class="govuk-link" href="/sign-in">Sign in with your email address and new password</a>.`,
  },
  save: (c, password) =>
    acceptInvitation(c.get("services").database.db, c.req.param("token") ?? "", password, c.get("now")),
};

export function invitationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/invitation/:token", (c) => showChoosePassword(c, invitation));
  app.post("/invitation/:token", async (c) => {
    await enforceLimit(c, "password-reset");
    return saveChosenPassword(c, invitation);
  });
  return app;
}

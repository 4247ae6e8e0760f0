import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv } from "../../http/app-env.ts";
import { sessionCookie } from "../../http/authenticate.ts";
import { clientAddress } from "../../http/client-address.ts";
import { readForm, validate } from "../../http/forms.ts";
import { renderPage } from "../../http/render.ts";
import { mailPreviewOpen } from "../../mail/preview-access.ts";
import { button, html, panel, passwordInput, textInput } from "../../ui/index.ts";
import { requestPasswordReset, resetPassword } from "../password-reset.ts";
import { enforceLimit, limitFor, RateLimited, refuse } from "../rate-limit.ts";
import { destroySession, sessionAbsoluteMs } from "../sessions.ts";
import { signIn } from "../sign-in.ts";
import { type ChoosePasswordPage, saveChosenPassword, showChoosePassword } from "./choose-password.ts";

const signInForm = z.object({
  email: z.string().trim().min(1, { error: "Enter your email address" }),
  password: z.string().min(1, { error: "Enter your password" }),
});

/** Only same-site paths: an open redirect after sign-in would help phishing. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : "/";
}

function csrfField(token: string) {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

const passwordReset: ChoosePasswordPage = {
  title: "Choose a new password",
  explanation:
    "Saving a new password signs you out on every device and revokes your API tokens, so systems that use them will need new ones.",
  label: "New password",
  saved: {
    title: "Password changed",
    next: html`You have been signed out everywhere and your API tokens have been revoked. <a class="govuk-link" href="/sign-in">Sign in with your new password</a>.`,
  },
  save: (c, password) =>
    resetPassword(c.get("services").database.db, c.req.param("token") ?? "", password, c.get("now")),
};

export function signInPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showSignIn = (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    status: 200 | 422 | 429 = 200,
  ) =>
    renderPage(c, {
      title: "Sign in",
      errors,
      status,
      content: html`<h1 class="govuk-heading-l">Sign in to Kith</h1>
        <form method="post" action="/sign-in?next=${encodeURIComponent(safeNext(c.req.query("next")))}" novalidate>
          ${csrfField(c.get("csrfToken"))}
          ${textInput({ name: "email", label: "Email address", type: "email", autocomplete: "username", spellcheck: false, value: values.email, error: errors.email })}
          ${passwordInput({ name: "password", label: "Password", autocomplete: "current-password", error: errors.password })}
          ${button({ text: "Sign in" })}
        </form>
        <p class="govuk-body"><a class="govuk-link" href="/forgot-password">I have forgotten my password</a></p>`,
    });

  app.get("/sign-in", (c) =>
    c.get("actor") ? c.redirect(safeNext(c.req.query("next")), 303) : showSignIn(c, {}),
  );

  app.post("/sign-in", async (c) => {
    const values = await readForm(c);
    const checked = validate(signInForm, values);
    if (!checked.ok) return showSignIn(c, values, checked.errors, 422);
    const { database, config } = c.get("services");
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn(
        database.db,
        checked.value.email,
        checked.value.password,
        clientAddress(c),
        c.get("now"),
        limitFor(c, "sign-in"),
      );
    } catch (error) {
      if (error instanceof RateLimited) return showSignIn(c, values, { email: refuse(c, error).detail }, 429);
      throw error;
    }
    if (!result.ok) return showSignIn(c, values, { email: result.reason }, 422);
    setCookie(c, sessionCookie, result.token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: config.secureCookies,
      path: "/",
      maxAge: Math.floor(sessionAbsoluteMs / 1000),
    });
    return c.redirect(safeNext(c.req.query("next")), 303);
  });

  app.post("/sign-out", async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await destroySession(c.get("services").database.db, token);
    deleteCookie(c, sessionCookie, { path: "/" });
    return c.redirect("/signed-out", 303);
  });

  app.get("/signed-out", (c) =>
    renderPage(c, {
      title: "You have signed out",
      content: html`<h1 class="govuk-heading-l">You have signed out</h1><p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a></p>`,
    }),
  );

  app.get("/forgot-password", (c) =>
    renderPage(c, {
      title: "Reset your password",
      content: html`<h1 class="govuk-heading-l">Reset your password</h1>
        <form method="post" action="/forgot-password" novalidate>${csrfField(c.get("csrfToken"))}
          ${textInput({ name: "email", label: "Email address", type: "email", autocomplete: "username", spellcheck: false, hint: "We will email you a link to choose a new password." })}
          ${button({ text: "Send the link" })}</form>`,
    }),
  );

  app.post("/forgot-password", async (c) => {
    const values = await readForm(c);
    const email = (values.email ?? "").trim().toLowerCase();
    await enforceLimit(c, "password-reset");
    await enforceLimit(c, "password-reset-email", email);
    const { database, config } = c.get("services");
    await requestPasswordReset(database.db, email, config.publicUrl, c.get("now"));
    return renderPage(c, {
      title: "Check your email",
      content: html`${panel({ title: "Check your email", headingLevel: 1 })}
        <p class="govuk-body">If there is an account for that address, we have sent a link to reset the password. The link works for 1 hour.</p>
        ${mailPreviewOpen(c) ? html`<p class="govuk-body">This demo sends no email: <a class="govuk-link" href="/mail-preview">open the mail preview</a> to read it.</p>` : ""}`,
    });
  });

  app.get("/reset-password/:token", (c) => showChoosePassword(c, passwordReset));
  app.post("/reset-password/:token", (c) => saveChosenPassword(c, passwordReset));

  return app;
}

import type { Context, Hono } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import { attemptForForm, csrfField, type FormErrorStatus } from "../http/form-commands.ts";
import { readForm } from "../http/forms.ts";
import { flashFrom, renderPage, requireActor } from "../http/render.ts";
import { button, html, textInput } from "../ui/index.ts";
import { getMailSender, setMailSender } from "./set-mail-sender.ts";

/** An administrator's form for who the organisation's email comes from. */
export function mailSenderPage(app: Hono<AppEnv>): void {
  const form = async (
    c: Context<AppEnv>,
    values?: Record<string, string>,
    errors: Record<string, string> = {},
    status: 200 | FormErrorStatus = 200,
  ) => {
    const actor = requireActor(c);
    const saved = await getMailSender(c.get("services").database.db, actor);
    const fallback = c.get("services").config.mailFrom ?? "the server's default sender";
    return renderPage(c, {
      title: "Who your email comes from",
      errors,
      status,
      backLink: "/admin/outbox",
      notification: flashFrom(c, { saved: "The mail sender has been saved." }),
      content: html`<h1 class="govuk-heading-l">Who your email comes from</h1>
        <p class="govuk-body">Residents see this name and address on password reset links, voting codes and reminders. Use an address your mail server is allowed to send from.</p>
        <form method="post" novalidate>${csrfField(c)}
          ${textInput({ name: "senderName", label: "Sender name", hint: "Leave blank to use your organisation's name", value: values?.senderName ?? saved.senderName ?? "", error: errors.senderName, autocomplete: "organization" })}
          ${textInput({ name: "senderAddress", label: "Sender email address", hint: `Leave blank to use ${fallback}`, type: "email", value: values?.senderAddress ?? saved.senderAddress ?? "", error: errors.senderAddress, spellcheck: false, autocomplete: "email" })}
          ${button({ text: "Save" })}
        </form>`,
    });
  };
  app.get("/admin/mail-sender", (c) => form(c));
  app.post("/admin/mail-sender", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const result = await attemptForForm(() =>
      setMailSender(c.get("services").database.db, actor, c.get("now"), values),
    );
    if (!result.ok) return form(c, values, result.errors, result.status);
    return c.redirect("/admin/mail-sender?done=saved", 303);
  });
}

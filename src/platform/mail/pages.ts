import { Hono } from "hono";
import { fallbackSender } from "../config/config.ts";
import type { OutboundStatus } from "../db/platform-schema.ts";
import type { AppEnv } from "../http/app-env.ts";
import { pageNumber } from "../http/fields.ts";
import { csrfField } from "../http/form-commands.ts";
import { notFound } from "../http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../http/render.ts";
import {
  button,
  formatDateTime,
  html,
  pagination,
  raw,
  subNavigation,
  summaryList,
  type TagColour,
  table,
  tag,
  textInput,
  warningText,
} from "../ui/index.ts";
import { composeMail, paragraphsHtml } from "./compose.ts";
import { withBrands } from "./mail-brand.ts";
import { listOutbox, type OutboxView, outboxViews, previewMail } from "./outbox-queries.ts";
import { mailPreviewOpen } from "./preview-access.ts";
import { resendMessage } from "./resend-message.ts";
import { mailSenderPage } from "./sender-page.ts";

const statusTags: Record<OutboundStatus, { text: string; colour: TagColour }> = {
  queued: { text: "Queued", colour: "blue" },
  sending: { text: "Sending", colour: "yellow" },
  sent: { text: "Sent", colour: "green" },
  failed: { text: "Failed", colour: "red" },
};

const viewNames: Record<OutboxView, string> = {
  all: "All",
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
};

/** The admin outbox (what was sent, what is waiting, what failed, with a resend) and the demo's mail preview. */
export function mailPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  mailSenderPage(app);

  app.get("/admin/outbox", async (c) => {
    const actor = requireActor(c);
    const requested = c.req.query("view") as OutboxView | undefined;
    const view = requested && outboxViews.includes(requested) ? requested : "all";
    const page = pageNumber(c.req.query("page"));
    const { database } = c.get("services");
    const outbox = await listOutbox(database.db, actor, view, page);
    const resendForm = (id: string, recipient: string) =>
      html`<form method="post" action="/admin/outbox/${id}/resend" novalidate>${csrfField(c)}<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Resend<span class="govuk-visually-hidden"> the email to ${recipient}</span></button></form>`;
    return renderPage(c, {
      title: "Outbox",
      fullWidth: true,
      notification: flashFrom(c, { resent: "The email is queued to be sent again." }),
      content: html`<h1 class="govuk-heading-l">Outbox</h1>
        <p class="govuk-body">Every email Kith sends for your organisation: password reset links, voting codes, reminders and notices. Kith tries a refused email ${5} times over about 2.5 hours before marking it failed. <a class="govuk-link" href="/admin/mail-sender">Change who your email comes from</a>.</p>
        ${
          mailPreviewOpen(c)
            ? warningText(
                "This demo sends no email. Queued emails stay queued; read them on the mail preview page.",
              )
            : ""
        }
        ${mailPreviewOpen(c) ? html`<p class="govuk-body"><a class="govuk-link" href="/mail-preview">Open the mail preview</a></p>` : ""}
        ${subNavigation(
          outboxViews.map((name) => ({
            href: `/admin/outbox?view=${name}`,
            text: `${viewNames[name]} (${outbox.counts[name]})`,
            current: name === view,
          })),
          "Outbox views",
        )}
        ${
          outbox.rows.length === 0
            ? html`<p class="govuk-body">No emails here.</p>`
            : table({
                caption: `${viewNames[view]} emails${page > 1 ? `, page ${page}` : ""}`,
                head: [
                  { text: "Queued" },
                  { text: "To" },
                  { text: "Subject" },
                  { text: "Status" },
                  { text: "Attempts", numeric: true },
                  { text: "Last error" },
                  { text: "Action" },
                ],
                rows: outbox.rows.map((row) => [
                  formatDateTime(row.createdAt),
                  row.recipient,
                  row.subject,
                  html`${tag(statusTags[row.status].text, statusTags[row.status].colour)}${row.sentAt ? html`<br><span class="govuk-body-s">${formatDateTime(row.sentAt)}</span>` : ""}`,
                  String(row.attempts),
                  row.lastError ?? "",
                  row.status === "failed" || row.status === "sent" ? resendForm(row.id, row.recipient) : "",
                ]),
              })
        }
        ${pagination({
          currentPage: page,
          totalPages: outbox.hasMore ? page + 1 : page,
          href: (p) => `?view=${view}&page=${p}`,
        })}`,
    });
  });

  app.post("/admin/outbox/:id/resend", async (c) => {
    const actor = requireActor(c);
    await resendMessage(c.get("services").database.db, actor, c.get("now"), c.req.param("id"));
    return c.redirect("/admin/outbox?view=queued&done=resent", 303);
  });

  app.get("/mail-preview", async (c) => {
    const { config, database } = c.get("services");
    if (!mailPreviewOpen(c)) throw notFound("Page not found");
    const recipient = (c.req.query("to") ?? "").trim().slice(0, 200);
    const messages = await withBrands(database.db, await previewMail(database.db, recipient));
    return renderPage(c, {
      title: "Mail preview",
      content: html`<h1 class="govuk-heading-l">Mail preview</h1>
        <p class="govuk-body">This demo sends no email. Instead, the latest emails are shown here as they would arrive, so you can follow a password reset link or read a voting code.</p>
        ${warningText("Anyone who can open this page can read every email. It exists only while no SMTP server is set and Kith is not running in production, and only for browsers on this machine unless KITH_MAIL_PREVIEW=on.")}
        <form method="get" action="/mail-preview" novalidate>
          ${textInput({ name: "to", label: "Show emails to", hint: "An email address, for example officer@demo.kith.example", type: "email", spellcheck: false, value: recipient })}
          ${button({ text: "Show emails", variant: "secondary" })}
        </form>
        ${messages.length === 0 ? html`<p class="govuk-body">No emails yet.</p>` : ""}
        ${messages.map((message) => {
          const mail = composeMail(message, config.mailFrom ?? fallbackSender);
          return html`<section class="govuk-!-margin-bottom-8" aria-labelledby="mail-${message.id}">
            <h2 class="govuk-heading-m" id="mail-${message.id}">${mail.subject}</h2>
            ${summaryList([
              { key: "From", value: `${mail.from.name} <${mail.from.address}>` },
              { key: "To", value: mail.to },
            ])}
            <div class="govuk-inset-text">${raw(paragraphsHtml(mail.text, { paragraph: "govuk-body", link: "govuk-link" }))}</div>
          </section>`;
        })}`,
    });
  });

  return app;
}

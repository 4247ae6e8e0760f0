import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { formatDate, formatPence, html, summaryList, table } from "../../../platform/ui/index.ts";
import { submitMonitoringReturn } from "../commands/monitoring.ts";
import { getRecipientGrant } from "../queries/recipient-grants.ts";
import { monitoringReturnForm, returnInputFromForm } from "./monitoring-form.ts";
import { grantStatusTag, paymentTag } from "./page-helpers.ts";

// The funded organisation's page for its grant: what was agreed, when it is paid, and
// the monitoring returns it sends (payments are held while a return is overdue).

type Loaded = Awaited<ReturnType<typeof getRecipientGrant>>;

function page(
  c: Context<AppEnv>,
  loaded: Loaded,
  failed?: { values: Record<string, string>; errors: FieldErrors; status: FormErrorStatus },
): Response {
  const { grant, agreement, payments, returns } = loaded;
  const today = londonDay(c.get("now"));
  const due = grant.status === "active" ? returns.find((r) => r.status === "due") : undefined;
  return renderPage(c, {
    title: `Your grant: ${grant.title}`,
    errors: failed?.errors,
    status: failed?.status ?? 200,
    backLink: "/grants/apply",
    notification: flashFrom(c, { sent: "Monitoring return sent. Thank you." }),
    content: html`<span class="govuk-caption-l">${grant.reference}</span><h1 class="govuk-heading-l">${grant.title}</h1>
      <p class="govuk-body">${grantStatusTag(grant.status)}</p>
      ${summaryList([
        { key: "Amount", value: formatPence(grant.amountAwardedPence) },
        { key: "Period", value: `${formatDate(grant.startDate)} to ${formatDate(grant.endDate)}` },
        { key: "Conditions", value: agreement?.conditions ?? "" },
        { key: "Your grant officer", value: grant.grantOwner },
      ])}
      <h2 class="govuk-heading-m">Payments</h2>
      ${table({
        caption: "Payments",
        captionClasses: "govuk-visually-hidden",
        head: [{ text: "Due" }, { text: "Amount", numeric: true }, { text: "Status" }],
        rows: payments.map((p) => [
          formatDate(p.dueOn),
          { content: formatPence(p.amountPence), numeric: true },
          html`${paymentTag(p.status)}${p.heldReason ? html`<br><span class="govuk-body-s">${p.heldReason}</span>` : ""}`,
        ]),
      })}
      <h2 class="govuk-heading-m">Monitoring returns</h2>
      ${table({
        caption: "Monitoring returns",
        captionClasses: "govuk-visually-hidden",
        head: [{ text: "Period" }, { text: "Due" }, { text: "Status" }],
        rows: returns.map((r) => [
          r.periodLabel,
          formatDate(r.dueOn),
          r.status !== "due"
            ? "Sent"
            : r.dueOn < today
              ? html`<strong class="govuk-tag govuk-tag--red">Overdue</strong>`
              : "Due",
        ]),
      })}
      ${due ? monitoringReturnForm(c, `/grants/apply/grants/${grant.id}/returns/${due.id}`, grant, due, loaded.outcomes, failed?.values ?? {}, failed?.errors ?? {}) : ""}`,
  });
}

export function recipientPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const load = (c: Context<AppEnv>, actor: Actor) =>
    getRecipientGrant(c.get("services").database.db, actor, c.req.param("id") ?? "");

  app.get("/grants/apply/grants/:id", async (c) => page(c, await load(c, requireActor(c))));

  app.post("/grants/apply/grants/:id/returns/:returnId", async (c) => {
    const actor = requireActor(c);
    const loaded = await load(c, actor);
    const form = await readForm(c);
    const result = await attemptForForm(() =>
      callForPage(c, submitMonitoringReturn, actor, c.req.param("returnId"), returnInputFromForm(form)),
    );
    if (!result.ok) return page(c, loaded, { values: form, errors: result.errors, status: result.status });
    return c.redirect(`/grants/apply/grants/${loaded.grant.id}?done=sent`, 303);
  });

  return app;
}

import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { attemptForForm } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { formatDate, formatPence, html, pagination, table } from "../../../platform/ui/index.ts";
import { districtCountMap, listOrganisationAreas } from "../../places/index.ts";
import { setBankDetails } from "../commands/bank-details.ts";
import { approveDirectAward } from "../commands/direct-awards.ts";
import { linkGrantToProject } from "../commands/link-project.ts";
import { markPaymentPaid } from "../commands/mark-payment-paid.ts";
import { submitMonitoringReturn } from "../commands/monitoring.ts";
import { approvePayment } from "../commands/payments.ts";
import { recordFundingChange } from "../commands/record-funding-change.ts";
import { varyAgreement } from "../commands/vary-agreement.ts";
import { getGrantDetail } from "../queries/grant-detail.ts";
import { listGrants } from "../queries/list-grants.ts";
import { grantsByDistrict } from "../queries/place-grants.ts";
import { grantStatusTag, money, staffNav } from "./page-helpers.ts";

const pageSize = 50;

import { type Failed, grantPage } from "./grant-detail-page.ts";
import { returnInputFromForm } from "./monitoring-form.ts";

export function grantPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = (c: Context<AppEnv>) => c.get("services").database.db;
  const detail = (c: Context<AppEnv>, actor: Actor) => getGrantDetail(db(c), actor, c.req.param("id") ?? "");

  app.get("/grants/manage/grants", async (c) => {
    const actor = requireActor(c);
    const status = ["proposed", "active", "ended"].find((s) => s === c.req.query("status")) as
      | "proposed"
      | undefined;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const [{ grants, total, totalAwardedPence }, byDistrict, areas] = await Promise.all([
      listGrants(db(c), actor, { status, page, pageSize }),
      grantsByDistrict(db(c), actor),
      listOrganisationAreas(db(c), actor),
    ]);
    return renderPage(c, {
      title: "Grants",
      content: html`${staffNav("grants")}<h1 class="govuk-heading-l">Grants</h1>
        <p class="govuk-body">${total} grants, ${formatPence(totalAwardedPence)} in total.${status ? html` Showing ${status} grants. <a class="govuk-link" href="/grants/manage/grants">Show all</a>` : ""}</p>
        ${table({
          caption: "Grants",
          captionClasses: "govuk-visually-hidden",
          head: [
            { text: "Reference" },
            { text: "Recipient" },
            { text: "Title" },
            { text: "Route" },
            { text: "Amount", numeric: true },
            { text: "Period" },
            { text: "Status" },
          ],
          rows: grants.map((g) => [
            html`<a class="govuk-link" href="/grants/manage/grants/${g.id}">${g.reference}</a>`,
            g.recipientName,
            g.title,
            g.route === "direct-award" ? "Direct award" : "Open call",
            { content: money(g.amountAwardedPence), numeric: true },
            `${formatDate(g.startDate)} to ${formatDate(g.endDate)}`,
            grantStatusTag(g.status),
          ]),
        })}
        ${pagination({ currentPage: page, totalPages: Math.max(1, Math.ceil(total / pageSize)), href: (p) => `/grants/manage/grants?page=${p}${status ? `&status=${status}` : ""}` })}
        <h2 class="govuk-heading-m">Where grants go</h2>
        ${districtCountMap({
          id: "grants-by-district",
          title: "Grants awarded by district",
          description:
            "Active and ended grants by the district that benefits, in every status filter; darker districts have more grants.",
          valueLabel: "Grants",
          counts: new Map(byDistrict.map((d) => [d.laCode, d.grants])),
          districtCodes: areas.map((a) => a.laCode),
        })}`,
    });
  });

  app.get("/grants/manage/grants/:id", async (c) => {
    const actor = requireActor(c);
    return grantPage(c, actor, await detail(c, actor));
  });

  const action = (path: string, run: (c: Context<AppEnv>, actor: Actor) => Promise<unknown>, done: string) =>
    app.post(path, async (c) => {
      const actor = requireActor(c);
      const result = await attemptForForm(() => run(c, actor));
      if (result.ok) return c.redirect(`/grants/manage/grants/${c.req.param("id")}?done=${done}`, 303);
      return grantPage(c, actor, await detail(c, actor), {
        form: "action",
        values: {},
        errors: result.errors,
        status: result.status,
      });
    });
  action(
    "/grants/manage/grants/:id/approve",
    (c, actor) => approveDirectAward(db(c), actor, c.get("now"), c.req.param("id") ?? ""),
    "approved",
  );
  action(
    "/grants/manage/grants/:id/payments/:paymentId/approve",
    (c, actor) => approvePayment(db(c), actor, c.get("now"), c.req.param("paymentId") ?? ""),
    "payment",
  );

  /** A form on the grant page: run the command, then 303 back, or show the page with the form's errors. */
  const formRoute = (
    path: string,
    form: Failed["form"],
    run: (c: Context<AppEnv>, actor: Actor, values: Record<string, string>) => Promise<unknown>,
  ) =>
    app.post(path, async (c) => {
      const actor = requireActor(c);
      const values = { ...(await readForm(c)), paymentId: c.req.param("paymentId") ?? "" };
      const result = await attemptForForm(() => run(c, actor, values));
      if (result.ok) return c.redirect(`/grants/manage/grants/${c.req.param("id")}?done=${form}`, 303);
      return grantPage(c, actor, await detail(c, actor), {
        form,
        values,
        errors: result.errors,
        status: result.status,
      });
    });
  formRoute("/grants/manage/grants/:id/payments/:paymentId/paid", "paid", (c, actor, form) =>
    markPaymentPaid(db(c), actor, c.get("now"), form.paymentId, {
      paymentReference: form.paymentReference ?? "",
      earlyPaymentReason: form.earlyPaymentReason,
    }),
  );
  formRoute("/grants/manage/grants/:id/bank-details", "bank", (c, actor, form) =>
    setBankDetails(db(c), actor, c.get("now"), c.get("services").signingSecret, c.req.param("id") ?? "", {
      accountName: form.accountName ?? "",
      sortCode: form.sortCode ?? "",
      accountNumber: form.accountNumber ?? "",
    }),
  );
  formRoute("/grants/manage/grants/:id/returns/:returnId", "return", (c, actor, form) =>
    submitMonitoringReturn(
      db(c),
      actor,
      c.get("now"),
      c.req.param("returnId") ?? "",
      returnInputFromForm(form),
    ),
  );
  formRoute("/grants/manage/grants/:id/project", "project", (c, actor, form) =>
    linkGrantToProject(db(c), actor, c.get("now"), c.req.param("id") ?? "", form.projectId ?? ""),
  );

  app.post("/grants/manage/grants/:id/vary", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() =>
      varyAgreement(db(c), actor, c.get("now"), c.req.param("id"), {
        conditions: form.variedConditions ?? "",
        reason: form.variationReason ?? "",
      }),
    );
    if (result.ok) return c.redirect(`/grants/manage/grants/${c.req.param("id")}?done=varied`, 303);
    // The form's fields are named apart from the funding-change form's on the same page.
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([field, message]) => [
        field === "conditions" ? "variedConditions" : field === "reason" ? "variationReason" : field,
        message,
      ]),
    );
    return grantPage(c, actor, await detail(c, actor), {
      form: "vary",
      values: form,
      errors,
      status: result.status,
    });
  });

  app.post("/grants/manage/grants/:id/funding-change", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const input = {
      kind: form.kind as "ending",
      effectiveOn: dateFromParts(form, "effectiveOn"),
      newInstalment: form.newInstalment ?? "",
      reason: form.reason ?? "",
      overrideReason: form.overrideReason,
    };
    const result = await attemptForForm(() =>
      recordFundingChange(db(c), actor, c.get("now"), c.req.param("id"), input),
    );
    if (result.ok) return c.redirect(`/grants/manage/grants/${c.req.param("id")}?done=change`, 303);
    return grantPage(c, actor, await detail(c, actor), {
      form: "change",
      values: form,
      errors: result.errors,
      status: result.status,
    });
  });

  return app;
}

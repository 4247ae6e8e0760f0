import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
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
import { recordForms } from "./record-forms.ts";

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

  const form = recordForms<Failed["form"]>(app, {
    path: "/grants/manage/grants",
    show: async (c, actor, failed) => grantPage(c, actor, await detail(c, actor), failed),
    // The payments table has one form a payment: the route says which one failed.
    values: (c, submitted) => ({ ...submitted, paymentId: c.req.param("paymentId") ?? "" }),
  });
  form("approve", { name: "action", done: "approved" }, (_, { db, actor, now, id }) =>
    approveDirectAward(db, actor, now, id),
  );
  form("payments/:paymentId/approve", { name: "action", done: "payment" }, (values, { db, actor, now }) =>
    approvePayment(db, actor, now, values.paymentId),
  );
  form("payments/:paymentId/paid", { name: "paid", done: "paid" }, (values, { db, actor, now }) =>
    markPaymentPaid(db, actor, now, values.paymentId, {
      paymentReference: values.paymentReference ?? "",
      earlyPaymentReason: values.earlyPaymentReason,
    }),
  );
  form("bank-details", { name: "bank", done: "bank" }, (values, { db, actor, now, id, c }) =>
    setBankDetails(db, actor, now, c.get("services").signingSecret, id, {
      accountName: values.accountName ?? "",
      sortCode: values.sortCode ?? "",
      accountNumber: values.accountNumber ?? "",
    }),
  );
  form("returns/:returnId", { name: "return", done: "return" }, (values, { db, actor, now, c }) =>
    submitMonitoringReturn(db, actor, now, c.req.param("returnId") ?? "", returnInputFromForm(values)),
  );
  form("project", { name: "project", done: "project" }, (values, { db, actor, now, id }) =>
    linkGrantToProject(db, actor, now, id, values.projectId ?? ""),
  );
  form(
    "vary",
    // The form's fields are named apart from the funding-change form's on the same page.
    {
      name: "vary",
      done: "varied",
      fieldNames: { conditions: "variedConditions", reason: "variationReason" },
    },
    (values, { db, actor, now, id }) =>
      varyAgreement(db, actor, now, id, {
        conditions: values.variedConditions ?? "",
        reason: values.variationReason ?? "",
      }),
  );
  form("funding-change", { name: "change", done: "change" }, (values, { db, actor, now, id }) => {
    const input = {
      kind: values.kind as "ending",
      effectiveOn: dateFromParts(values, "effectiveOn"),
      newInstalment: values.newInstalment ?? "",
      reason: values.reason ?? "",
      overrideReason: values.overrideReason,
    };
    return recordFundingChange(db, actor, now, id, input);
  });

  return app;
}

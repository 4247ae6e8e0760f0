import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  barChart,
  button,
  formatDate,
  formatDateTime,
  formatPence,
  formatPercent,
  html,
  summaryList,
  table,
  textarea,
} from "../../../platform/ui/index.ts";
import { recordDelivery } from "../commands/record-delivery.ts";
import { verifyPledge } from "../commands/verify-pledge.ts";
import { canRecordDelivery, canVerifyAsCommunity, canVerifyAsOfficer } from "../policy.ts";
import { getPledge } from "../queries/exchange-queries.ts";
import { type DeliveryRow, deliveredShare, exchangeReport } from "../queries/exchange-report.ts";
import { categoryNames, type Theme, themeNames } from "../schema.ts";
import { csrfField, pledgeTag } from "./exchange-display.ts";

export const pledgePages = new Hono<AppEnv>();

async function pledgePage(c: import("hono").Context<AppEnv>, errors: Record<string, string>, evidence = "") {
  const actor = requireActor(c);
  const { pledge, contract, needs, ownNeed } = await getPledge(
    c.get("services").database.db,
    actor,
    c.req.param("id") ?? "",
  );
  const verifyAsCommunity = canVerifyAsCommunity(actor, ownNeed) && !pledge.communityVerifiedAt;
  const verifyAsOfficer = canVerifyAsOfficer(actor) && !pledge.officerVerifiedAt;
  return renderPage(c, {
    title: `Pledge ${pledge.reference}`,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    notification: flashFrom(c, { delivered: "Delivery recorded", verified: "Verification recorded" }),
    breadcrumbs: [{ href: "/exchange", text: "Social value exchange" }],
    content: html`<span class="govuk-caption-l">${pledge.supplierName}</span>
      <h1 class="govuk-heading-l">Pledge ${pledge.reference}</h1>
      <p class="govuk-body">${pledgeTag(pledge.status)}</p>
      ${summaryList([
        {
          key: "Tender",
          value: html`<a class="govuk-link" href="/exchange/contracts/${contract?.id ?? ""}">${contract?.title ?? ""}</a>`,
        },
        { key: "Theme", value: themeNames[pledge.theme] },
        { key: "Resource", value: categoryNames[pledge.resourceType] },
        { key: "What", value: pledge.description },
        { key: "Value", value: formatPence(pledge.valuePence) },
        { key: "Due by", value: formatDate(pledge.dueBy) },
        {
          key: "Needs it meets",
          value: needs.length
            ? html`<ul class="govuk-list">${needs.map((n) => html`<li>${n.title} (${n.communityOrgName})</li>`)}</ul>`
            : "None linked",
        },
        ...(pledge.deliveredAt
          ? [{ key: "Delivered", value: `${formatDateTime(pledge.deliveredAt)}: ${pledge.evidence ?? ""}` }]
          : []),
        {
          key: "Verified by the community organisation",
          value: pledge.communityVerifiedAt
            ? `${pledge.communityVerifiedBy ?? ""}, ${formatDateTime(pledge.communityVerifiedAt)}`
            : needs.length
              ? "Not yet"
              : "Not needed: it meets no posted need",
        },
        {
          key: "Verified by an officer",
          value: pledge.officerVerifiedAt
            ? `${pledge.officerVerifiedBy ?? ""}, ${formatDateTime(pledge.officerVerifiedAt)}`
            : "Not yet",
        },
      ])}
      ${
        pledge.status === "accepted" && canRecordDelivery(actor, pledge)
          ? html`<form method="post" action="/exchange/pledges/${pledge.id}/deliver" novalidate>${csrfField(c.get("csrfToken"))}
          ${textarea({ name: "evidence", label: "Evidence of delivery", hint: "What was delivered, when, and how it can be checked (photos, timesheets, receipts).", value: evidence, error: errors.evidence })}
          ${button({ text: "Record delivery" })}</form>`
          : ""
      }
      ${
        pledge.status === "delivered" && (verifyAsCommunity || verifyAsOfficer)
          ? html`<form method="post" action="/exchange/pledges/${pledge.id}/verify" novalidate>${csrfField(c.get("csrfToken"))}
          <p class="govuk-body">Check the evidence, then confirm the pledge was delivered as promised.</p>
          ${button({ text: verifyAsCommunity ? "Confirm we received it" : "Verify delivery" })}</form>`
          : ""
      }`,
  });
}

pledgePages.get("/exchange/pledges/:id", (c) => pledgePage(c, {}));

pledgePages.post("/exchange/pledges/:id/deliver", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  try {
    await callForPage(c, recordDelivery, actor, c.req.param("id"), {
      evidence: form.evidence ?? "",
    });
    return c.redirect(`/exchange/pledges/${c.req.param("id")}?done=delivered`, 303);
  } catch (error) {
    if (error instanceof Problem && error.status === 422)
      return pledgePage(c, error.fieldErrors ?? {}, form.evidence ?? "");
    throw error;
  }
});

pledgePages.post("/exchange/pledges/:id/verify", async (c) => {
  const actor = requireActor(c);
  await callForPage(c, verifyPledge, actor, c.req.param("id"));
  return c.redirect(`/exchange/pledges/${c.req.param("id")}?done=verified`, 303);
});

function deliveryTable(caption: string, rows: DeliveryRow[], label: (row: DeliveryRow) => string) {
  return table({
    caption,
    head: [
      { text: caption.replace(/^By /, "").replace(/^./, (ch) => ch.toUpperCase()) },
      ...numericHeads("Pledges", "Pledged", "Delivered", "Verified", "Share delivered", "Overdue"),
    ],
    rows: rows.map((row) => {
      const share = deliveredShare(row);
      return [
        label(row),
        row.pledges,
        formatPence(row.pledgedPence),
        formatPence(row.deliveredPence),
        formatPence(row.verifiedPence),
        share === null ? "–" : formatPercent(share),
        row.overdue,
      ];
    }),
  });
}

pledgePages.get("/exchange/report", async (c) => {
  const actor = requireActor(c);
  const report = await callForPage(c, exchangeReport, actor);
  const share = deliveredShare(report.total);
  return renderPage(c, {
    title: "Social value: pledged against delivered",
    fullWidth: true,
    breadcrumbs: [{ href: "/exchange", text: "Social value exchange" }],
    content: html`<h1 class="govuk-heading-l">Social value: pledged against delivered</h1>
      <p class="govuk-body">Pledged means committed with a contract award. Offers on open tenders and losing bids are not counted.</p>
      ${summaryList([
        {
          key: "Pledged",
          value: `${formatPence(report.total.pledgedPence)} in ${report.total.pledges} pledges`,
        },
        { key: "Delivered", value: formatPence(report.total.deliveredPence) },
        { key: "Verified", value: formatPence(report.total.verifiedPence) },
        { key: "Share delivered", value: share === null ? "Nothing pledged yet" : formatPercent(share) },
        { key: "Overdue", value: String(report.total.overdue) },
      ])}
      ${barChart({
        id: "delivered-by-theme",
        title: "Share of pledged value delivered, by theme",
        description:
          "For each theme, the percentage of committed pledge value that suppliers have delivered.",
        valueLabel: "Delivered (%)",
        categoryLabel: "Theme",
        table: "details",
        formatValue: (v) => `${v}%`,
        bars: report.byTheme.map((row) => ({
          label: themeNames[row.key as Theme] ?? row.key,
          value: Math.round((deliveredShare(row) ?? 0) * 100),
        })),
      })}
      ${deliveryTable("By supplier", report.bySupplier, (row) => row.label)}
      ${deliveryTable("By contract", report.byContract, (row) => `${row.label} (${row.key})`)}
      ${deliveryTable("By theme", report.byTheme, (row) => themeNames[row.key as Theme] ?? row.key)}
      ${deliveryTable("By area", report.byArea, (row) => row.label)}`,
  });
});

import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { fieldErrorsOf } from "../../../platform/http/form-commands.ts";
import type { FormValues } from "../../../platform/http/forms.ts";
import { readForm, readFormList } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { numericHeads } from "../../../platform/ui/components/numeric-heads.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  formatPence,
  html,
  radios,
  select,
  summaryList,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { poundsToPence } from "../../crowdfunding/index.ts";
import { listPartnerOrganisations } from "../../people/index.ts";
import { awardContract } from "../commands/award-contract.ts";
import { createContract } from "../commands/create-contract.ts";
import { offerPledge } from "../commands/offer-pledge.ts";
import { formatPoints } from "../points.ts";
import { canManageContracts, canOfferPledge } from "../policy.ts";
import { getContract, listNeeds } from "../queries/exchange-queries.ts";
import { categoryNames, needCategories, type Theme, themeNames, themes } from "../schema.ts";
import { csrfField, pledgeTag } from "./exchange-display.ts";

export const contractPages = new Hono<AppEnv>();

/** "10" or "12.5" per cent → basis points; NaN lets the command name the field. */
function percentToBp(text: string | undefined): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec((text ?? "").trim().replace(/%$/, ""));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0")) : Number.NaN;
}

function contractForm(
  c: import("hono").Context<AppEnv>,
  values: FormValues,
  chosen: string[],
  errors: Record<string, string>,
) {
  return renderPage(c, {
    title: "Open a tender",
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: "/exchange",
    content: html`<h1 class="govuk-heading-l">Open a tender</h1>
      <form method="post" novalidate>${csrfField(c.get("csrfToken"))}
      ${textInput({ name: "title", label: "Contract title", value: values.title, error: errors.title })}
      ${textarea({ name: "description", label: "What the contract is for", value: values.description, error: errors.description, rows: 3 })}
      ${textInput({ name: "value", label: "Contract value in pounds", prefix: "£", width: 10, inputmode: "decimal", value: values.value, error: errors.valuePence })}
      ${textInput({ name: "weighting", label: "Social value weighting, in per cent of the tender marks", hint: "For example 10: social value is worth 10 marks out of 100.", suffix: "%", width: 4, value: values.weighting ?? "10", error: errors.weightingBp })}
      ${checkboxes({ name: "themes", legend: "Themes the tender asks for", values: chosen, error: errors.themes, items: themes.map((t) => ({ value: t, text: themeNames[t] })) })}
      ${themes.map((t) => textInput({ name: `weight-${t}`, label: `Weight for ${themeNames[t].toLowerCase()}, in per cent`, hint: "How much £1 pledged under this theme counts. 100 counts in full.", suffix: "%", width: 4, value: values[`weight-${t}`] ?? "100", error: errors[`weight-${t}`] }))}
      ${textInput({ name: "fullMarks", label: "Pledges worth this share of the contract value earn full marks, in per cent", hint: "For example 5: pledges worth 5% of the contract value earn every social value mark.", suffix: "%", width: 4, value: values.fullMarks ?? "5", error: errors.fullMarksShareBp })}
      ${dateInput({ name: "tenderCloses", legend: "Tender closes", error: errors["tenderCloses-day"], value: { day: values["tenderCloses-day"], month: values["tenderCloses-month"], year: values["tenderCloses-year"] } })}
      ${button({ text: "Open tender" })}</form>`,
  });
}

contractPages.get("/exchange/contracts/new", (c) => {
  requireAllowed(canManageContracts(requireActor(c)), "Only officers can set up tenders.");
  return contractForm(c, {}, [], {});
});

contractPages.post("/exchange/contracts/new", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  const chosen = (await readFormList(c, "themes")).filter((t): t is Theme =>
    (themes as readonly string[]).includes(t),
  );
  const valuePence = poundsToPence(form.value ?? "");
  try {
    const contract = await callForPage(c, createContract, actor, {
      title: form.title ?? "",
      description: form.description ?? "",
      valuePence: valuePence ?? Number.NaN,
      weightingBp: percentToBp(form.weighting),
      themes: chosen,
      themeWeights: Object.fromEntries(chosen.map((t) => [t, percentToBp(form[`weight-${t}`])])),
      fullMarksShareBp: percentToBp(form.fullMarks),
      tenderCloses: dateFromParts(form, "tenderCloses"),
    });
    return c.redirect(`/exchange/contracts/${contract.id}?done=opened`, 303);
  } catch (error) {
    const errors = fieldErrorsOf(error);
    for (const t of themes) {
      const message = errors[`themeWeights.${t}`];
      if (message) errors[`weight-${t}`] = "Enter a weight from 0 to 100 per cent";
      delete errors[`themeWeights.${t}`];
    }
    if (errors.tenderCloses) errors["tenderCloses-day"] = errors.tenderCloses;
    delete errors.tenderCloses;
    if (errors.valuePence && valuePence === null && form.value?.trim())
      errors.valuePence = "The contract value must be an amount in pounds, like 250000";
    return contractForm(c, form, chosen, errors);
  }
});

contractPages.get("/exchange/contracts/:id", async (c) => {
  const actor = requireActor(c);
  const { contract, bids } = await getContract(c.get("services").database.db, actor, c.req.param("id"));
  const today = c.get("now").toISOString().slice(0, 10);
  const open = contract.status === "tendering" && contract.tenderCloses >= today;
  return renderPage(c, {
    title: contract.title,
    fullWidth: true,
    notification: flashFrom(c, {
      opened: "Tender opened",
      pledged: "Pledge offered",
      awarded: "Contract awarded",
    }),
    breadcrumbs: [{ href: "/exchange", text: "Social value exchange" }],
    content: html`<span class="govuk-caption-l">${contract.reference}</span>
      <h1 class="govuk-heading-l">${contract.title}</h1>
      ${summaryList([
        { key: "Contract value", value: formatPence(contract.valuePence) },
        {
          key: "Social value weighting",
          value: `${contract.weightingBp / 100}% (${formatPoints(contract.weightingBp)} marks)`,
        },
        {
          key: "Themes asked for",
          value: contract.themes
            .map((t) => `${themeNames[t]} (counts at ${(contract.themeWeights[t] ?? 10_000) / 100}%)`)
            .join("; "),
        },
        {
          key: "Full marks at",
          value: `weighted pledges worth ${contract.fullMarksShareBp / 100}% of the contract value (${formatPence(Math.floor((contract.valuePence * contract.fullMarksShareBp) / 10_000))})`,
        },
        {
          key: "How points are worked out",
          value:
            "Each pledge counts at its value times its theme's weight. Points = weighting × weighted value ÷ full-marks value, capped at the weighting, rounded down to the hundredth.",
        },
        { key: "Tender closes", value: formatDate(contract.tenderCloses) },
        {
          key: "Status",
          value:
            contract.status === "awarded"
              ? `Awarded to ${contract.awardedSupplierName ?? ""}`
              : open
                ? "Open for pledges"
                : "Closed, not yet awarded",
        },
      ])}
      ${open && canOfferPledge(actor) ? button({ text: "Pledge social value", href: `/exchange/contracts/${contract.id}/pledge` }) : ""}
      ${bids.length === 0 ? html`<p class="govuk-body">No pledges yet.</p>` : ""}
      ${bids.map(
        (bid) =>
          html`${table({
            caption: `${bid.supplierName}: ${formatPoints(bid.points.points)} of ${formatPoints(bid.points.maxPoints)} marks`,
            head: [
              { text: "Pledge" },
              { text: "Theme" },
              { text: "What" },
              ...numericHeads("Value", "Weight", "Counts"),
              { text: "Status" },
            ],
            rows: [
              ...bid.pledges.map((p, i) => {
                const line = bid.points.lines[i];
                return [
                  html`<a class="govuk-link" href="/exchange/pledges/${p.id}">${p.reference}</a>`,
                  themeNames[p.theme],
                  p.description,
                  formatPence(p.valuePence),
                  `${line.weightBp / 100}%`,
                  line.note
                    ? html`${formatPence(0)}<br><span class="govuk-body-s">${line.note}</span>`
                    : formatPence(line.countedPence),
                  pledgeTag(p.status),
                ];
              }),
              [
                html`<strong>Weighted total</strong>`,
                "",
                `${formatPence(bid.points.weightedPence)} ÷ ${formatPence(bid.points.fullMarksPence)} × ${formatPoints(bid.points.maxPoints)}`,
                "",
                "",
                html`<strong>${formatPence(bid.points.weightedPence)}</strong>`,
                html`<strong>${formatPoints(bid.points.points)} marks</strong>`,
              ],
            ],
          })}`,
      )}
      ${
        contract.status === "tendering" && canManageContracts(actor) && bids.length > 0
          ? html`<form method="post" action="/exchange/contracts/${contract.id}/award" novalidate>${csrfField(c.get("csrfToken"))}
          ${radios({ name: "supplierId", legend: "Award the contract", hint: "The winner's pledges become binding; every other bidder's are closed.", items: bids.map((b) => ({ value: b.supplierId, text: `${b.supplierName} (${formatPoints(b.points.points)} social value marks)` })) })}
          ${button({ text: "Award contract" })}</form>`
          : ""
      }`,
  });
});

contractPages.post("/exchange/contracts/:id/award", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  await callForPage(c, awardContract, actor, c.req.param("id"), form.supplierId ?? "");
  return c.redirect(`/exchange/contracts/${c.req.param("id")}?done=awarded`, 303);
});

async function pledgeForm(
  c: import("hono").Context<AppEnv>,
  values: FormValues,
  chosenNeeds: string[],
  errors: Record<string, string>,
) {
  const actor = requireActor(c);
  // The role before the look-up, so a refused role gets 403 for any id (issue 18 item 6).
  requireAllowed(canOfferPledge(actor), "Only suppliers and officers can pledge social value.");
  const db = c.get("services").database.db;
  const { contract } = await getContract(db, actor, c.req.param("id") ?? "");
  const needs = await listNeeds(db, actor, { status: "open" });
  const forSupplier = !(actor.kind === "user" && actor.role === "supplier");
  const suppliers = forSupplier ? await listPartnerOrganisations(db, actor, { kind: "supplier" }) : [];
  return renderPage(c, {
    title: `Pledge social value on ${contract.title}`,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: `/exchange/contracts/${contract.id}`,
    content: html`<span class="govuk-caption-l">${contract.reference} · ${contract.title}</span>
      <h1 class="govuk-heading-l">Pledge social value</h1>
      <form method="post" novalidate>${csrfField(c.get("csrfToken"))}
      ${forSupplier ? select({ name: "supplierId", label: "Supplier making the pledge", value: values.supplierId, error: errors.supplierId, options: [{ value: "", text: "Choose a supplier" }, ...suppliers.map((s) => ({ value: s.id, text: s.name }))] }) : ""}
      ${radios({ name: "theme", legend: "Theme", value: values.theme, error: errors.theme, items: contract.themes.map((t) => ({ value: t, text: themeNames[t] })) })}
      ${radios({ name: "resourceType", legend: "What are you pledging?", value: values.resourceType, error: errors.resourceType, items: needCategories.map((k) => ({ value: k, text: categoryNames[k] })) })}
      ${textarea({ name: "description", label: "Describe the pledge", value: values.description, error: errors.description, rows: 3 })}
      ${textInput({ name: "value", label: "Value in pounds", prefix: "£", width: 10, inputmode: "decimal", value: values.value, error: errors.valuePence })}
      ${dateInput({ name: "dueBy", legend: "Delivered by", error: errors["dueBy-day"], value: { day: values["dueBy-day"], month: values["dueBy-month"], year: values["dueBy-year"] } })}
      ${
        needs.length > 0
          ? checkboxes({
              name: "needIds",
              legend: "Which needs does it meet? (optional)",
              values: chosenNeeds,
              error: errors.needIds,
              items: needs.map((n) => ({
                value: n.id,
                text: `${n.title} – ${n.communityOrgName} (${formatPence(n.valuePence)})`,
              })),
            })
          : ""
      }
      ${button({ text: "Offer pledge" })}</form>`,
  });
}

// Arriving from a need's page ticks that need.
contractPages.get("/exchange/contracts/:id/pledge", (c) => {
  const need = c.req.query("need");
  return pledgeForm(c, {}, need ? [need] : [], {});
});

contractPages.post("/exchange/contracts/:id/pledge", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  const needIds = await readFormList(c, "needIds");
  const valuePence = poundsToPence(form.value ?? "");
  if (valuePence === null) {
    return pledgeForm(c, form, needIds, {
      valuePence: form.value?.trim()
        ? form.value.trim().startsWith("-")
          ? "The value of the pledge must be more than £0"
          : "The value must be an amount in pounds, like 2500"
        : "Enter the value of the pledge",
    });
  }
  try {
    await callForPage(c, offerPledge, actor, c.req.param("id"), {
      theme: form.theme as Theme,
      resourceType: form.resourceType as "skills",
      description: form.description ?? "",
      valuePence,
      dueBy: dateFromParts(form, "dueBy"),
      needIds,
      supplierId: form.supplierId || undefined,
    });
    return c.redirect(`/exchange/contracts/${c.req.param("id")}?done=pledged`, 303);
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors.dueBy) errors["dueBy-day"] = errors.dueBy;
    delete errors.dueBy;
    return pledgeForm(c, form, needIds, errors);
  }
});

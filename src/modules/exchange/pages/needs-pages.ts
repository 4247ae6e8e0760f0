import { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { fieldErrorsOf } from "../../../platform/http/form-commands.ts";
import type { FormValues } from "../../../platform/http/forms.ts";
import { readForm } from "../../../platform/http/forms.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import {
  button,
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
import { moderateNeed } from "../commands/moderate-need.ts";
import { postNeed } from "../commands/post-need.ts";
import { canModerateNeed, canOfferPledge, canPostNeed } from "../policy.ts";
import { getNeed, listContracts } from "../queries/exchange-queries.ts";
import { categoryNames, needCategories } from "../schema.ts";
import { areas, csrfField, needTag, pledgeTag } from "./exchange-display.ts";

export const needsPages = new Hono<AppEnv>();

function needForm(c: import("hono").Context<AppEnv>, values: FormValues, errors: Record<string, string>) {
  const actor = requireActor(c);
  const isGroup = actor.kind === "user" && actor.role === "community-group";
  return renderPage(c, {
    title: "Post a need",
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: "/exchange",
    content: html`<h1 class="govuk-heading-l">Post a need</h1>
      <p class="govuk-body">An officer checks each need before suppliers can see it.</p>
      <form method="post" novalidate>${csrfField(c.get("csrfToken"))}
      ${textInput({ name: "communityOrgName", label: isGroup ? "Your organisation" : "Community organisation", value: values.communityOrgName, error: errors.communityOrgName })}
      ${textInput({ name: "title", label: "What do you need?", hint: "A short title, like “Paint for the community hall”.", value: values.title, error: errors.title })}
      ${textarea({ name: "description", label: "Tell suppliers more", hint: "What exactly, how much, and what difference it makes.", value: values.description, error: errors.description })}
      ${radios({ name: "category", legend: "What kind of help is it?", value: values.category, error: errors.category, items: needCategories.map((k) => ({ value: k, text: categoryNames[k] })) })}
      ${textInput({ name: "value", label: "Estimated value in pounds", prefix: "£", width: 10, inputmode: "decimal", value: values.value, error: errors.valuePence })}
      ${textInput({ name: "location", label: "Where is it needed?", value: values.location, error: errors.location })}
      ${select({ name: "laCode", label: "Local authority area", value: values.laCode, error: errors.laCode, options: [{ value: "", text: "Choose an area" }, ...Object.entries(areas).map(([code, name]) => ({ value: code, text: name }))] })}
      ${dateInput({ name: "neededBy", legend: "Needed by (optional)", hint: "For example, 27 3 2027", error: errors["neededBy-day"], value: { day: values["neededBy-day"], month: values["neededBy-month"], year: values["neededBy-year"] } })}
      ${button({ text: "Post need" })}</form>`,
  });
}

needsPages.get("/exchange/needs/new", (c) => {
  requireAllowed(canPostNeed(requireActor(c)), "Only community organisations and officers can post needs.");
  return needForm(c, {}, {});
});

needsPages.post("/exchange/needs/new", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  const valuePence = poundsToPence(form.value ?? "");
  if (valuePence === null) {
    return needForm(c, form, {
      valuePence: form.value?.trim()
        ? form.value.trim().startsWith("-")
          ? "The estimated value must be more than £0"
          : "The estimated value must be an amount in pounds, like 250"
        : "Enter the estimated value",
    });
  }
  try {
    const need = await callForPage(c, postNeed, actor, {
      communityOrgName: form.communityOrgName ?? "",
      title: form.title ?? "",
      description: form.description ?? "",
      category: form.category as "materials",
      valuePence,
      location: form.location ?? "",
      laCode: form.laCode || null,
      neededBy: dateFromParts(form, "neededBy"),
    });
    return c.redirect(`/exchange/needs/${need.id}?done=posted`, 303);
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors.neededBy) errors["neededBy-day"] = errors.neededBy;
    delete errors.neededBy;
    return needForm(c, form, errors);
  }
});

async function needPage(
  c: import("hono").Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string>,
) {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const { need, pledges } = await getNeed(db, actor, c.req.param("id") ?? "");
  const today = londonDay(c.get("now"));
  // A supplier (or an officer recording one's pledge) can pledge to an open need from here,
  // through any tender still taking pledges: a pledge always belongs to a tender's bid.
  const tenders =
    need.status === "open" && canOfferPledge(actor)
      ? (await listContracts(db, actor)).filter((t) => t.status === "tendering" && t.tenderCloses >= today)
      : [];
  return renderPage(c, {
    title: need.title,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    notification: flashFrom(c, {
      posted: "Need posted. An officer will check it before suppliers can see it.",
      moderated: "Decision recorded",
    }),
    breadcrumbs: [{ href: "/exchange", text: "Social value exchange" }],
    content: html`<span class="govuk-caption-l">${need.reference} · ${need.communityOrgName}</span>
      <h1 class="govuk-heading-l">${need.title}</h1>
      <p class="govuk-body">${needTag(need.status)}</p>
      ${summaryList([
        { key: "Category", value: categoryNames[need.category] },
        { key: "Estimated value", value: formatPence(need.valuePence) },
        {
          key: "Where",
          value: `${need.location}${need.laCode && areas[need.laCode] ? `, ${areas[need.laCode]}` : ""}`,
        },
        { key: "Needed by", value: need.neededBy ? formatDate(need.neededBy) : "Not given" },
        { key: "Details", value: need.description },
        ...(need.moderatedByName
          ? [
              {
                key: "Moderation",
                value: `${need.status === "rejected" ? "Rejected" : "Published"} by ${need.moderatedByName}${need.moderationNote ? `: ${need.moderationNote}` : ""}`,
              },
            ]
          : []),
      ])}
      ${
        need.status === "submitted" && canModerateNeed(actor)
          ? html`<form method="post" action="/exchange/needs/${need.id}/moderate" novalidate>${csrfField(c.get("csrfToken"))}
          ${radios({
            name: "decision",
            legend: "Moderate this need",
            value: values.decision,
            error: errors.decision,
            items: [
              { value: "approve", text: "Publish it to suppliers" },
              { value: "reject", text: "Reject it" },
            ],
          })}
          ${textarea({ name: "note", label: "Note", hint: "Required when rejecting: say why, so the organisation can fix it.", value: values.note, error: errors.note, rows: 3 })}
          ${button({ text: "Record decision" })}</form>`
          : ""
      }
      ${
        need.status === "open" && canOfferPledge(actor)
          ? html`<h2 class="govuk-heading-m">Pledge to this need</h2>
        ${
          tenders.length > 0
            ? html`<p class="govuk-body">Pledges are part of a bid for a tender. Choose the tender your pledge goes with:</p>
        <ul class="govuk-list">${tenders.map((t) => html`<li><a class="govuk-link" href="/exchange/contracts/${t.id}/pledge?need=${need.id}">Pledge with your bid for ${t.title}<span class="govuk-visually-hidden"> to meet ${need.title}</span></a> (closes ${formatDate(t.tenderCloses)})</li>`)}</ul>`
            : html`<p class="govuk-body">No tender is taking pledges at the moment.</p>`
        }`
          : ""
      }
      ${table({
        caption: `Pledges meeting this need (${pledges.length})`,
        head: [
          { text: "Pledge" },
          { text: "Supplier" },
          { text: "What" },
          { text: "Value", numeric: true },
          { text: "Status" },
        ],
        rows: pledges.map((p) => [
          html`<a class="govuk-link" href="/exchange/pledges/${p.id}">${p.reference}</a>`,
          p.supplierName,
          p.description,
          formatPence(p.valuePence),
          pledgeTag(p.status),
        ]),
      })}`,
  });
}

needsPages.get("/exchange/needs/:id", (c) => needPage(c, {}, {}));

needsPages.post("/exchange/needs/:id/moderate", async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c);
  try {
    await callForPage(c, moderateNeed, actor, c.req.param("id"), {
      decision: form.decision as "approve",
      note: form.note || undefined,
    });
    return c.redirect(`/exchange/needs/${c.req.param("id")}?done=moderated`, 303);
  } catch (error) {
    return needPage(c, form, fieldErrorsOf(error));
  }
});

import { Hono } from "hono";
import { z } from "zod";
import { enforceLimit } from "../../../platform/auth/rate-limit.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { email } from "../../../platform/http/fields.ts";
import { readForm, validate } from "../../../platform/http/forms.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage } from "../../../platform/http/render.ts";
import {
  button,
  formatDate,
  formatPence,
  html,
  panel,
  radios,
  type SafeHtml,
  summaryList,
  textarea,
  textInput,
  warningText,
} from "../../../platform/ui/index.ts";
import { makePledge, maxPledgePence } from "../commands/make-pledge.ts";
import { poundsField } from "../money.ts";
import { loadPublic } from "./load-public.ts";
import {
  clearPledgeAnswers,
  type PledgeAnswers,
  readPledgeAnswers,
  writePledgeAnswers,
} from "./pledge-answers.ts";

// The public pledge journey (part of the public crowdfunding pages): no sign-in. Addresses carry the organisation's slug
// and the campaign's reference, e.g. /campaigns/weald-and-medway-homes-1a2b3c/CF-1A2B3C4D.

export const pledgeJourneyPages = new Hono<AppEnv>();

const csrf = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

// The pledge journey: amount → about you → how you appear → check → confirmation.

const amountForm = z.object({
  amount: poundsField("the amount you want to pledge", 100, maxPledgePence),
  reward: z.string().optional(),
});

function requireOpen(campaign: { status: string; closesAt: Date | null }, now: Date): void {
  if (campaign.status !== "live" || !campaign.closesAt || now >= campaign.closesAt) {
    throw new Problem(
      409,
      "conflict",
      "This campaign has closed",
      "The campaign is no longer taking pledges.",
    );
  }
}

/**
 * One question page of the pledge journey: the campaign's title as the caption, the question's fields
 * and Continue. It answers 422 while it shows errors, so the browser and tests see the refusal.
 */
function pledgeQuestionPage(
  c: import("hono").Context<AppEnv>,
  page: {
    title: string;
    campaignTitle: string;
    backLink: string;
    errors: Record<string, string>;
    fields: SafeHtml;
  },
) {
  return renderPage(c, {
    title: page.title,
    errors: page.errors,
    status: Object.keys(page.errors).length ? 422 : 200,
    backLink: page.backLink,
    content: html`<form method="post" novalidate>${csrf(c.get("csrfToken"))}
      <span class="govuk-caption-l">${page.campaignTitle}</span>
      ${page.fields}
      ${button({ text: "Continue" })}</form>`,
  });
}

pledgeJourneyPages.get("/campaigns/:org/:ref/pledge", async (c) => {
  const { detail, base } = await loadPublic(c);
  requireOpen(detail.campaign, c.get("now"));
  const answers = readPledgeAnswers(c, detail.campaign.id);
  return amountPage(
    c,
    detail,
    base,
    answers.amountPence ? String(answers.amountPence / 100) : "",
    answers.rewardTierId ?? "",
    {},
  );
});

function amountPage(
  c: import("hono").Context<AppEnv>,
  detail: Awaited<ReturnType<typeof loadPublic>>["detail"],
  base: string,
  amount: string,
  reward: string,
  errors: Record<string, string>,
) {
  return pledgeQuestionPage(c, {
    title: "How much do you want to pledge?",
    campaignTitle: detail.campaign.title,
    backLink: base,
    errors,
    fields: html`${textInput({ name: "amount", label: "How much do you want to pledge?", labelClasses: "govuk-label--l", isPageHeading: true, hint: "In pounds, for example 25. Your pledge is only collected if the campaign reaches its target.", prefix: "£", width: 5, inputmode: "decimal", value: amount, error: errors.amount, spellcheck: false })}
      ${
        detail.rewardTiers.length > 0
          ? radios({
              name: "reward",
              legend: "Do you want a reward?",
              error: errors.reward,
              value: reward || "none",
              items: [
                { value: "none", text: "No reward, thank you" },
                ...detail.rewardTiers.map((tier) => ({
                  value: tier.id,
                  text: `${tier.title} (pledge ${formatPence(tier.minPence)} or more)`,
                  hint: tier.description,
                })),
              ],
            })
          : ""
      }`,
  });
}

pledgeJourneyPages.post("/campaigns/:org/:ref/pledge", async (c) => {
  const { detail, base } = await loadPublic(c);
  requireOpen(detail.campaign, c.get("now"));
  const form = await readForm(c);
  const checked = validate(amountForm, form);
  const rewardId = form.reward && form.reward !== "none" ? form.reward : null;
  const tier = rewardId ? detail.rewardTiers.find((t) => t.id === rewardId) : undefined;
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  if (rewardId && !tier) errors.reward = "Choose one of the rewards";
  if (checked.ok && tier && checked.value.amount < tier.minPence)
    errors.amount = `Pledge at least ${formatPence(tier.minPence)} for the reward “${tier.title}”, or choose no reward`;
  if (!checked.ok || Object.keys(errors).length > 0)
    return amountPage(c, detail, base, form.amount ?? "", form.reward ?? "", errors);
  writePledgeAnswers(c, {
    ...readPledgeAnswers(c, detail.campaign.id),
    amountPence: checked.value.amount,
    rewardTierId: rewardId,
  });
  return c.redirect(`${base}/pledge/about-you`, 303);
});

/**
 * A question step after the amount: shown once the step before it is answered (else back there),
 * checked on Continue, its answers kept with the journey's others, then on to the next step.
 */
function questionStep<T>(step: {
  path: string;
  title: string;
  /** The step before, under the campaign's /pledge (the amount is ""): the back link. */
  back: string;
  next: string;
  form: z.ZodType<T>;
  answered: (answers: PledgeAnswers) => boolean;
  shown: (answers: PledgeAnswers) => Record<string, string>;
  save: (value: T) => Partial<PledgeAnswers>;
  fields: (values: Record<string, string>, errors: Record<string, string>) => SafeHtml;
}): void {
  const route = `/campaigns/:org/:ref/pledge/${step.path}`;
  const page = (
    c: import("hono").Context<AppEnv>,
    campaignTitle: string,
    base: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) =>
    pledgeQuestionPage(c, {
      title: step.title,
      campaignTitle,
      backLink: `${base}/pledge${step.back}`,
      errors,
      fields: step.fields(values, errors),
    });
  pledgeJourneyPages.get(route, async (c) => {
    const { detail, base } = await loadPublic(c);
    requireOpen(detail.campaign, c.get("now"));
    const answers = readPledgeAnswers(c, detail.campaign.id);
    if (!step.answered(answers)) return c.redirect(`${base}/pledge${step.back}`, 303);
    return page(c, detail.campaign.title, base, step.shown(answers), {});
  });
  pledgeJourneyPages.post(route, async (c) => {
    const { detail, base } = await loadPublic(c);
    requireOpen(detail.campaign, c.get("now"));
    const form = await readForm(c);
    const checked = validate(step.form, form);
    if (!checked.ok) return page(c, detail.campaign.title, base, form, checked.errors);
    writePledgeAnswers(c, { ...readPledgeAnswers(c, detail.campaign.id), ...step.save(checked.value) });
    return c.redirect(`${base}/pledge${step.next}`, 303);
  });
}

questionStep({
  path: "about-you",
  title: "About you",
  back: "",
  next: "/display",
  form: z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Enter your name" })
      .max(120, { error: "Name must be 120 characters or fewer" }),
    email: z.string().trim().min(1, { error: "Enter your email address" }).pipe(email),
  }),
  answered: (answers) => Boolean(answers.amountPence),
  shown: (answers) => ({ name: answers.backerName ?? "", email: answers.backerEmail ?? "" }),
  save: (value) => ({ backerName: value.name, backerEmail: value.email }),
  fields: (values, errors) => html`<h1 class="govuk-heading-l">About you</h1>
      ${textInput({ name: "name", label: "Full name", autocomplete: "name", value: values.name, error: errors.name, spellcheck: false })}
      ${textInput({ name: "email", label: "Email address", type: "email", autocomplete: "email", hint: "We use this to confirm your pledge and tell you if it is collected or released.", value: values.email, error: errors.email, spellcheck: false })}`,
});

questionStep({
  path: "display",
  title: "Can we show your name on the campaign page?",
  back: "/about-you",
  next: "/check",
  form: z.object({
    show: z.enum(["named", "anonymous"], { error: "Choose whether we can show your name" }),
    message: z.string().trim().max(500, { error: "Message must be 500 characters or fewer" }).optional(),
  }),
  answered: (answers) => Boolean(answers.backerEmail),
  shown: (answers) => ({
    show: answers.anonymous === undefined ? "" : answers.anonymous ? "anonymous" : "named",
    message: answers.message ?? "",
  }),
  save: (value) => ({ anonymous: value.show === "anonymous", message: value.message || null }),
  fields: (values, errors) => html`${radios({
    name: "show",
    legend: {
      text: "Can we show your name on the campaign page?",
      classes: "govuk-fieldset__legend--l",
      isPageHeading: true,
    },
    hint: "Your email address is never shown.",
    value: values.show,
    error: errors.show,
    items: [
      { value: "named", text: "Yes, show my name" },
      { value: "anonymous", text: "No, show my pledge as anonymous" },
    ],
  })}
      ${textarea({ name: "message", label: "Message to the group (optional)", hint: "Shown on the campaign page with your pledge. Up to 500 characters.", value: values.message, error: errors.message, rows: 3 })}`,
});

function complete(answers: PledgeAnswers): answers is Required<PledgeAnswers> {
  return (
    answers.amountPence !== undefined &&
    answers.backerEmail !== undefined &&
    answers.backerName !== undefined &&
    answers.anonymous !== undefined
  );
}

pledgeJourneyPages.get("/campaigns/:org/:ref/pledge/check", async (c) => {
  const { detail, base } = await loadPublic(c);
  requireOpen(detail.campaign, c.get("now"));
  const answers = readPledgeAnswers(c, detail.campaign.id);
  if (!complete(answers)) return c.redirect(`${base}/pledge`, 303);
  const tier = detail.rewardTiers.find((t) => t.id === answers.rewardTierId);
  const change = (href: string, what: string) => [
    { href: `${base}/pledge${href}`, text: "Change", visuallyHiddenText: what },
  ];
  return renderPage(c, {
    title: "Check your pledge",
    backLink: `${base}/pledge/display`,
    content: html`<span class="govuk-caption-l">${detail.campaign.title}</span>
      <h1 class="govuk-heading-l">Check your pledge</h1>
      ${summaryList([
        { key: "Pledge", value: formatPence(answers.amountPence), actions: change("", "pledge amount") },
        ...(detail.rewardTiers.length > 0
          ? [{ key: "Reward", value: tier ? tier.title : "No reward", actions: change("", "reward") }]
          : []),
        { key: "Name", value: answers.backerName, actions: change("/about-you", "name") },
        { key: "Email address", value: answers.backerEmail, actions: change("/about-you", "email address") },
        {
          key: "Shown as",
          value: answers.anonymous ? "Anonymous" : answers.backerName,
          actions: change("/display", "how your pledge is shown"),
        },
        { key: "Message", value: answers.message ?? "None", actions: change("/display", "message") },
      ])}
      <h2 class="govuk-heading-m">Now send your pledge</h2>
      ${warningText(
        detail.campaign.fundingModel === "all-or-nothing"
          ? `Your pledge is only collected if the campaign reaches its target by ${formatDate(detail.campaign.deadline)}. If it does not, your pledge is released and you pay nothing.`
          : "Your pledge is collected when the campaign closes, even if it does not reach its target.",
      )}
      <form method="post" novalidate>${csrf(c.get("csrfToken"))}${button({ text: "Confirm pledge", preventDoubleClick: true })}</form>`,
  });
});

pledgeJourneyPages.post("/campaigns/:org/:ref/pledge/check", async (c) => {
  const { organisation, detail, base } = await loadPublic(c);
  const answers = readPledgeAnswers(c, detail.campaign.id);
  if (!complete(answers)) return c.redirect(`${base}/pledge`, 303);
  await enforceLimit(c, "pledge");
  const pledge = await makePledge(
    c.get("services").database.db,
    c.get("actor"),
    c.get("now"),
    organisation.id,
    detail.campaign.id,
    {
      amountPence: answers.amountPence,
      backerName: answers.backerName,
      backerEmail: answers.backerEmail,
      anonymous: answers.anonymous,
      message: answers.message ?? undefined,
      rewardTierId: answers.rewardTierId,
    },
  );
  clearPledgeAnswers(c);
  return c.redirect(`${base}/pledge/confirmation?reference=${encodeURIComponent(pledge.reference)}`, 303);
});

pledgeJourneyPages.get("/campaigns/:org/:ref/pledge/confirmation", async (c) => {
  const { detail, base } = await loadPublic(c);
  const reference = /^KP-[0-9A-F]{10}$/.exec(c.req.query("reference") ?? "")?.[0];
  if (!reference) return c.redirect(base, 303);
  return renderPage(c, {
    title: "Pledge confirmed",
    content: html`${panel({ title: "Pledge confirmed", body: html`Your reference<br><strong>${reference}</strong>` })}
      <p class="govuk-body">Thank you for backing ${detail.campaign.title}.</p>
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">The campaign closes on ${formatDate(detail.campaign.deadline)}. ${
        detail.campaign.fundingModel === "all-or-nothing"
          ? "If it reaches its target, your pledge is collected. If not, it is released and you pay nothing."
          : "Your pledge is collected when it closes."
      }</p>
      <p class="govuk-body"><a class="govuk-link" href="${base}">Back to the campaign</a></p>`,
  });
});

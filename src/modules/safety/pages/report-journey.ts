import type { Hono } from "hono";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { enforceLimit } from "../../../platform/auth/rate-limit.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { attemptForForm } from "../../../platform/http/form-commands.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { html, insetText, panel, warningText } from "../../../platform/ui/index.ts";
import { checkEvidence, maxEvidenceFiles } from "../commands/portal-updates.ts";
import { submitReport } from "../commands/submit-report.ts";
import type { hateStrands } from "../domain/categories.ts";
import { activeCategories, loadSafetyConfiguration } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { isTenantFacing } from "../domain/tenant-categories.ts";
import { personById } from "../neighbours.ts";
import { canSubmitReport } from "../policy.ts";
import { sentReport } from "../queries/portal-messages.ts";
import {
  answersFrom,
  checkPage,
  checkStep,
  isPersonal,
  type QuestionStep,
  questionPage,
  type Step,
  stepAfter,
  steps,
} from "./report-questions.ts";

type Body = Record<string, string | File | (string | File)[]>;

function textFields(body: Body): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (key !== "_csrf" && typeof first === "string") values[key] = first;
  }
  return values;
}

/** Files chosen in the evidence field; a browser sends an empty, unnamed part when none is chosen. */
function chosenFiles(body: Body): File[] {
  const value = body.evidence;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is File => item instanceof File && (item.size > 0 || item.name !== ""));
}

export function reportJourney(app: Hono<AppEnv>): void {
  // Safety advice comes before any question: someone in danger must not fill in a form first.
  app.get("/report", async (c) => {
    const actor = requireActor(c);
    if (!canSubmitReport(actor))
      return renderPage(c, {
        title: "You cannot report here",
        status: 403,
        content: html`<h1 class="govuk-heading-l">You cannot report here</h1><p class="govuk-body">This account cannot send reports.</p>`,
      });
    return renderPage(c, {
      title: "Report anti-social behaviour or a problem",
      backLink: "/my-cases",
      content: html`<h1 class="govuk-heading-l">Report anti-social behaviour or a problem</h1>
        ${warningText("If you are in danger now, call 999.", "Emergency")}
        <p class="govuk-body">If it is a crime but not an emergency, call the police on 101.</p>
        ${insetText(html`If you were targeted because of your race, religion, disability, sexual orientation or transgender identity, it may be a hate crime. You can report it to the police on 101 or online at True Vision (report-it.org.uk), as well as to us.`)}
        <p class="govuk-body">It takes about 5 minutes. You can add photos, recordings or documents before you send it. Nothing is sent until you check your answers.</p>
        <form method="post" action="/report" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}"><input type="hidden" name="step" value="start"><button type="submit" class="govuk-button govuk-button--start" data-module="govuk-button">Start now<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></button></form>`,
    });
  });

  app.post("/report", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canSubmitReport(actor), "This account cannot send reports.");
    const body = (await c.req.parseBody({ all: true })) as Body;
    const values = textFields(body);
    const configuration = await loadSafetyConfiguration(c.get("services").database.db, actor.organisationId);
    const offered = activeCategories(configuration).filter(isTenantFacing);
    if (values.step === "start") return questionPage(c, offered, "what", answersFrom({}));
    const step: Step = steps.find((s) => s === values.step) ?? "what";
    const answers = answersFrom({
      ...values,
      happenedOn: step === "when" ? dateFromParts(values, "happenedOn") : (values.happenedOn ?? ""),
    });
    if (answers.where === "home") answers.locationDescription = "";
    if (!isPersonal(offered, answers)) answers.hateStrand = "";
    const change = steps.find((s) => s === values.change);
    if (step === "check" && change && change !== "check")
      return questionPage(c, offered, change, answers, {}, true);
    const returnToCheck = values.return === "check";
    const errors = checkStep(offered, step, answers, londonDay(c.get("now")));
    if (Object.keys(errors).length > 0)
      return step === "check"
        ? checkPage(c, offered, answers, errors)
        : questionPage(c, offered, step, answers, errors, returnToCheck);
    if (step !== "check" || values.send !== "yes") {
      const next = stepAfter(offered, step, answers, returnToCheck);
      return next === "check"
        ? checkPage(c, offered, answers)
        : questionPage(c, offered, next, answers, {}, returnToCheck);
    }
    // Every answer is checked again before sending: the hidden fields came back from the browser.
    const today = londonDay(c.get("now"));
    const asked = steps.filter(
      (s): s is QuestionStep => s !== "check" && (s !== "hate" || isPersonal(offered, answers)),
    );
    for (const question of asked) {
      const problems = checkStep(offered, question, answers, today);
      if (Object.keys(problems).length > 0)
        return questionPage(c, offered, question, answers, problems, true);
    }
    await enforceLimit(c, "public-report");
    const db = c.get("services").database.db;
    const person =
      actor.kind === "user" && actor.personId
        ? await personById(db, actor, actor.personId, c.get("now"))
        : undefined;
    const homeId = answers.where === "home" ? (person?.homeId ?? null) : null;
    const files = chosenFiles(body);
    const result = await attemptForForm(
      async () => {
        if (files.length > maxEvidenceFiles)
          throw invalid("Too many files.", {
            evidence: `Select up to ${maxEvidenceFiles} files`,
          });
        const evidence = await Promise.all(
          files.map(async (file) => {
            const bytes = new Uint8Array(await file.arrayBuffer());
            return { ...checkEvidence(file.name, bytes), bytes };
          }),
        );
        return submitReport(
          db,
          actor,
          c.get("now"),
          {
            category: answers.category,
            hateStrand:
              answers.hateStrand && answers.hateStrand !== "none"
                ? (answers.hateStrand as (typeof hateStrands)[number])
                : null,
            description: answers.description,
            happenedOn: answers.happenedOn,
            homeId,
            locationDescription: homeId ? null : answers.locationDescription || "At or near my home",
          },
          "portal",
          { evidence },
        );
      },
      { field: "evidence" },
    );
    if (!result.ok) return checkPage(c, offered, answers, result.errors, result.status === 413 ? 413 : 422);
    return c.redirect(`/report/sent?report=${result.value.id}`, 303);
  });

  app.get("/report/sent", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canSubmitReport(actor), "This account cannot send reports.");
    const sent = await sentReport(c.get("services").database.db, actor, c.req.query("report") ?? "");
    return renderPage(c, {
      title: "Report sent",
      content: html`${panel({ title: "Report sent", body: sent?.reference ? html`Your reference number<br><strong>${sent.reference}</strong>` : "We will contact you within 2 working days" })}
        ${sent?.reference ? html`<p class="govuk-body">We have sent this reference to ${sent.emailedTo ?? "your email address"}. Quote it if you contact us about this report.</p>` : ""}
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body">We will contact you within 2 working days. An officer will read your report and either open a case or add it to the case you already have. You can follow it, and message your officer, in <a class="govuk-link" href="/my-cases">your cases</a>.</p>
        ${warningText("If you are in danger now, call 999.", "Emergency")}`,
    });
  });
}

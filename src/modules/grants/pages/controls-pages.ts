// The grant controls page: separation of duties on or off, and the threshold above which it binds.
import { type Context, Hono } from "hono";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { attemptForForm, csrfField, type FormErrorStatus } from "../../../platform/http/form-commands.ts";
import { readForm } from "../../../platform/http/forms.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, formatPence, html, radios, summaryList, textInput } from "../../../platform/ui/index.ts";
import { type GrantControls, loadGrantControls, saveGrantControls } from "../commands/grant-controls.ts";
import { canChangeSettings, canViewGrants } from "../policy.ts";
import { formError, staffNav } from "./page-helpers.ts";

type Failed = { values: Record<string, string>; errors: FieldErrors; status: FormErrorStatus };

function controlsPage(c: Context<AppEnv>, actor: Actor, controls: GrantControls, failed?: Failed): Response {
  const values = failed?.values ?? {
    separationOfDuties: controls.separationOfDuties ? "on" : "off",
    separationThreshold: String(controls.separationThresholdPence / 100),
  };
  const errors = failed?.errors ?? {};
  const rule = controls.separationOfDuties
    ? `On for grants over ${formatPence(controls.separationThresholdPence)}`
    : "Off";
  return renderPage(c, {
    title: "Grant controls",
    errors,
    status: failed?.status ?? 200,
    notification: flashFrom(c, { saved: "Grant controls saved" }),
    content: html`${staffNav("controls")}<h1 class="govuk-heading-l">Grant controls</h1>
      <p class="govuk-body">With separation of duties on, for a grant over the threshold the people who assess the application, approve the award, authorise each payment and record it as paid are different people.</p>
      ${summaryList([{ key: "Separation of duties", value: rule }])}
      ${
        canChangeSettings(actor)
          ? html`${formError(errors)}<form method="post" action="/grants/manage/controls" novalidate>${csrfField(c)}
            ${radios({
              name: "separationOfDuties",
              legend: { text: "Separation of duties", classes: "govuk-fieldset__legend--s" },
              value: values.separationOfDuties,
              error: errors.separationOfDuties,
              items: [
                { value: "on", text: "On" },
                { value: "off", text: "Off", hint: "One manager may assess, approve and pay any grant" },
              ],
            })}
            ${textInput({ name: "separationThreshold", label: "Threshold", hint: "Applies to grants of more than this amount, in pounds", prefix: "£", value: values.separationThreshold, error: errors.separationThreshold, width: 10, inputmode: "decimal" })}
            ${button({ text: "Save controls", variant: "secondary" })}</form>`
          : ""
      }`,
  });
}

export function controlsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = (c: Context<AppEnv>) => c.get("services").database.db;

  app.get("/grants/manage/controls", async (c) => {
    const actor = requireActor(c);
    requireAllowed(canViewGrants(actor), "Only staff can see the grant controls.");
    return controlsPage(c, actor, await loadGrantControls(db(c), actor.organisationId));
  });

  app.post("/grants/manage/controls", async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c);
    const result = await attemptForForm(() =>
      saveGrantControls(db(c), actor, c.get("now"), {
        separationOfDuties: form.separationOfDuties ?? "",
        separationThreshold: form.separationThreshold ?? "",
      }),
    );
    if (result.ok) return c.redirect("/grants/manage/controls?done=saved", 303);
    return controlsPage(c, actor, await loadGrantControls(db(c), actor.organisationId), {
      values: form,
      errors: result.errors,
      status: result.status,
    });
  });

  return app;
}

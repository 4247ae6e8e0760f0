import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import { requireActor } from "../../../platform/http/render.ts";
import {
  button,
  checkboxes,
  dateInput,
  formatDate,
  html,
  type SafeHtml,
  select,
  table,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { listPartnerOrganisations } from "../../people/index.ts";
import { shareWithAgency, stopSharing } from "../commands/agency-sharing.ts";
import { isShareCurrent, type SharedPart, shareableParts, sharedPartNames } from "../domain/sharing.ts";
import type { SafetySharing } from "../schema.ts";
import { caseForm } from "./case-forms.ts";
import { csrfField, listValue } from "./common.ts";

// The officer's "Share with an agency" form and "Stop sharing" button.

export function agencySharingForms(app: Hono<AppEnv>): void {
  const db = (c: Context<AppEnv>) => c.get("services").database.db;

  caseForm(
    app,
    "share",
    "Share with an agency",
    async (c, _id, values, errors) => {
      const agencies = await listPartnerOrganisations(db(c), requireActor(c), { kind: "agency" });
      const [year = "", month = "", day = ""] = (values.expiresOn ?? "").split("-");
      return html`
      ${select({ name: "partnerOrganisationId", label: "Partner agency on Kith", hint: "Its users will see the parts you choose below. Leave as it is for an agency that does not use Kith.", value: values.partnerOrganisationId, error: errors.partnerOrganisationId, options: [{ value: "", text: "An agency that does not use Kith" }, ...agencies.map((a) => ({ value: a.id, text: a.name }))] })}
      ${textInput({ name: "agencyName", label: "Agency name (if it does not use Kith)", value: values.agencyName, error: errors.agencyName })}
      ${textInput({ name: "lawfulBasis", label: "Lawful basis", hint: "For example, Crime and Disorder Act 1998 s115, or the name of the information-sharing agreement", value: values.lawfulBasis, error: errors.lawfulBasis })}
      ${textarea({ name: "purpose", label: "Purpose", value: values.purpose, error: errors.purpose, rows: 3 })}
      ${checkboxes({ name: "sharedParts", legend: { text: "What to share", classes: "govuk-fieldset__legend--s" }, hint: "The agency always sees the reference, category, status and dates. Share only what it needs.", values: listValue(values.sharedParts), error: errors.sharedParts, items: shareableParts.map((part) => ({ value: part, text: sharedPartNames[part] })) })}
      ${dateInput({ name: "expiresOn", legend: { text: "Stop sharing after (optional)", classes: "govuk-fieldset__legend--s" }, hint: "For example, the date the sharing is due for review", error: errors.expiresOn, value: { year, month, day } })}
      ${button({ text: "Record sharing" })}`;
    },
    (c, caseId, values) => {
      values.expiresOn = dateFromParts(values, "expiresOn");
      return shareWithAgency(db(c), requireActor(c), c.get("now"), caseId, {
        partnerOrganisationId: values.partnerOrganisationId || null,
        agencyName: values.agencyName ?? "",
        lawfulBasis: values.lawfulBasis ?? "",
        purpose: values.purpose ?? "",
        // An unknown part is passed on so that the command refuses it with a message.
        sharedParts: listValue(values.sharedParts) as SharedPart[],
        expiresOn: values.expiresOn || null,
      });
    },
  );

  app.post("/safety/cases/:id/sharing/:sharingId/stop", async (c) => {
    const actor = requireActor(c);
    await stopSharing(db(c), actor, c.get("now"), c.req.param("id"), c.req.param("sharingId"));
    return c.redirect(`/safety/cases/${c.req.param("id")}?done=saved`, 303);
  });
}

/** The case page's list of agency shares, each current one with a "Stop sharing" button. */
export function agencySharingSection(
  c: Context<AppEnv>,
  base: string,
  shares: SafetySharing[],
  today: string,
): SafeHtml {
  if (shares.length === 0) return html``;
  return html`<h2 class="govuk-heading-m">Shared with agencies</h2>
    ${table({
      caption: "Shared with agencies",
      captionClasses: "govuk-visually-hidden",
      head: [
        { text: "Agency" },
        { text: "Lawful basis" },
        { text: "Parts" },
        { text: "Shared" },
        { text: "" },
      ],
      rows: shares.map((share) => [
        share.agencyName,
        share.lawfulBasis,
        share.sharedParts.map((part) => sharedPartNames[part as SharedPart] ?? part).join(", ") ||
          "Heading only",
        html`${formatDate(share.sharedAt)}${share.expiresOn ? html`<br><span class="govuk-body-s">until ${formatDate(share.expiresOn)}</span>` : ""}`,
        isShareCurrent(share, today)
          ? html`<form method="post" action="${base}/sharing/${share.id}/stop" novalidate>${csrfField(c)}<button class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Stop sharing<span class="govuk-visually-hidden"> with ${share.agencyName}</span></button></form>`
          : share.endedAt
            ? `Ended ${formatDate(share.endedAt)}`
            : "Lapsed",
      ]),
    })}`;
}

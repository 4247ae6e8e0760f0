import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { dateFromParts } from "../../../platform/http/fields.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { dateInput, html, type SafeHtml, select, textarea } from "../../../platform/ui/index.ts";
import { homesByLocalAuthority } from "../../places/index.ts";
import { type GrantStaffMember, grantStaffChoices } from "../queries/grant-staff.ts";

// The grant agreement's fields, shared by the award decision and the direct-award form.

const monitoringItems = [
  { value: "quarterly", text: "Quarterly" },
  { value: "six-monthly", text: "Every six months" },
  { value: "annual", text: "Annually" },
  { value: "end-of-grant", text: "Once, at the end of the grant" },
];

export type Area = { laCode: string; laName: string };

/** What the agreement fields offer: areas with homes, and the staff who may own the grant. */
export type AgreementChoices = { areas: Area[]; staff: GrantStaffMember[] };

export async function agreementChoices(db: Db, actor: Actor): Promise<AgreementChoices> {
  return {
    staff: await grantStaffChoices(db, actor),
    areas: await homesByLocalAuthority(db, actor.organisationId),
  };
}

function staffSelect(
  name: string,
  label: string,
  hint: string,
  staff: GrantStaffMember[],
  value = "",
  error?: string,
) {
  return select({
    name,
    label,
    hint,
    value,
    error,
    options: [
      { value: "", text: "Choose a member of staff" },
      ...staff.map((m) => ({ value: m.id, text: m.name })),
    ],
  });
}

export function agreementFieldsHtml(
  values: Record<string, string>,
  errors: FieldErrors,
  { areas, staff }: AgreementChoices,
): SafeHtml {
  const parts = (name: string) => ({
    day: values[`${name}-day`] ?? "",
    month: values[`${name}-month`] ?? "",
    year: values[`${name}-year`] ?? "",
  });
  return html`${dateInput({ name: "startDate", legend: { text: "Grant starts", classes: "govuk-fieldset__legend--s" }, hint: "For example, 1 4 2026", value: parts("startDate"), error: errors.startDate })}
    ${dateInput({ name: "endDate", legend: { text: "Grant ends", classes: "govuk-fieldset__legend--s" }, hint: "Multi-year grants are paid in annual instalments", value: parts("endDate"), error: errors.endDate })}
    ${staffSelect("grantOwnerUserId", "Grant owner", "The officer who manages the grant day to day", staff, values.grantOwnerUserId, errors.grantOwnerUserId)}
    ${staffSelect("accountableOfficerUserId", "Accountable officer", "The senior member of staff answerable for the grant", staff, values.accountableOfficerUserId, errors.accountableOfficerUserId)}
    ${textarea({ name: "conditions", label: "Grant agreement conditions", value: values.conditions, error: errors.conditions, rows: 4 })}
    ${select({ name: "monitoringFrequency", label: "Monitoring returns", hint: "Keep monitoring proportionate to the size of the grant", value: values.monitoringFrequency ?? "six-monthly", error: errors.monitoringFrequency, options: monitoringItems })}
    ${
      areas.length > 0
        ? select({
            name: "beneficiaryLaCode",
            label: "Area that benefits (optional)",
            hint: "Published in the grants register as the beneficiary location",
            value: values.beneficiaryLaCode ?? "",
            error: errors.beneficiaryLaCode,
            options: [
              { value: "", text: "Not recorded" },
              ...areas.map((area) => ({ value: area.laCode, text: area.laName })),
            ],
          })
        : ""
    }`;
}

export function agreementInput(form: Record<string, string>) {
  return {
    startDate: dateFromParts(form, "startDate"),
    endDate: dateFromParts(form, "endDate"),
    grantOwnerUserId: form.grantOwnerUserId ?? "",
    accountableOfficerUserId: form.accountableOfficerUserId ?? "",
    conditions: form.conditions ?? "",
    monitoringFrequency: (form.monitoringFrequency ?? "") as "quarterly",
    beneficiaryLaCode: form.beneficiaryLaCode ?? "",
  };
}

import { asc, max, min, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { getOrganisation } from "../../../platform/access/organisations.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, notFound } from "../../../platform/http/problem.ts";
import { taggedPdf } from "../../../platform/pdf/tagged-pdf.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { canSeeVolunteer } from "../policy.ts";
import { opportunityOf } from "../queries/joins.ts";
import { loadVolunteer, londonToday } from "../records.ts";
import { volApplication, volDocumentTemplate, volHours, volMilestone, volOpportunity } from "../schema.ts";

export type DocumentKind = "certificate" | "reference";

/** Wording used until an organisation saves its own; {{placeholders}} are filled in per volunteer. */
export const defaultTemplates: Record<DocumentKind, { heading: string; body: string; signedBy: string }> = {
  certificate: {
    heading: "Certificate of volunteering",
    body: "This certifies that {{name}} has given {{hours}} hours of their time as a volunteer with {{organisation}} between {{from}} and {{to}}, in the roles of {{roles}}.{{milestoneSentence}}\n\nThank you for everything you have done for your community.",
    signedBy: "Volunteering coordinator, {{organisation}}",
  },
  reference: {
    heading: "Volunteer reference",
    body: "To whom it may concern,\n\n{{name}} has volunteered with {{organisation}} since {{from}}, as {{roles}}. In that time they have given {{hours}} verified hours.\n\nOur volunteers' hours are checked by a coordinator before they are counted. We are glad to confirm this record and happy to answer questions about {{name}}'s volunteering.",
    signedBy: "Volunteering coordinator, {{organisation}}",
  },
};

export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * A certificate or reference as a PDF, from the organisation's template (or the default).
 * Only verified hours count. The volunteer may download their own; coordinators anyone's.
 */
export async function volunteerDocument(
  db: Db,
  actor: Actor,
  now: Date,
  volunteerId: string,
  kind: DocumentKind,
): Promise<{ filename: string; pdf: Buffer }> {
  const person = await loadVolunteer(db, actor.organisationId, volunteerId);
  if (!canSeeVolunteer(actor, person)) throw notFound("Volunteer not found");
  const [span] = await db
    .select({
      minutes: sql<number>`coalesce(sum(${volHours.minutes}), 0)::int`,
      first: min(volHours.workedOn),
      last: max(volHours.workedOn),
    })
    .from(volHours)
    .where(
      matchInOrganisation(volHours, actor.organisationId, { volunteerId: person.id, status: "verified" }),
    );
  if (!span || Number(span.minutes) === 0 || !span.first || !span.last) {
    throw conflict(
      "No verified hours yet",
      `${person.givenName} ${person.familyName} has no verified hours, so there is nothing to certify yet.`,
    );
  }
  const roles = await db
    .selectDistinct({ title: volOpportunity.title })
    .from(volApplication)
    .innerJoin(volOpportunity, opportunityOf(volApplication))
    .where(
      matchInOrganisation(
        volApplication,
        actor.organisationId,
        { volunteerId: person.id },
        sql`${volApplication.status} IN ('placed', 'ended')`,
      ),
    )
    .orderBy(asc(volOpportunity.title));
  const milestones = await db
    .select()
    .from(volMilestone)
    .where(matchInOrganisation(volMilestone, actor.organisationId, { volunteerId: person.id }))
    .orderBy(asc(volMilestone.hours));
  const [saved] = await db
    .select()
    .from(volDocumentTemplate)
    .where(matchInOrganisation(volDocumentTemplate, actor.organisationId, { kind }));
  const template = saved ?? defaultTemplates[kind];
  const organisation = await getOrganisation(db, actor.organisationId);
  const topMilestone = milestones.at(-1)?.hours;
  const hours = Math.floor((Number(span.minutes) / 60) * 10) / 10;
  const values: Record<string, string> = {
    name: `${person.givenName} ${person.familyName}`,
    hours: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(hours),
    organisation: organisation?.name ?? "",
    roles: roles.map((role) => role.title).join(", ") || "volunteer",
    from: formatDate(span.first),
    to: formatDate(span.last),
    date: formatDate(londonToday(now)),
    milestoneSentence: topMilestone ? ` They have passed the ${topMilestone}-hour milestone.` : "",
  };
  const pdf = await renderPdf(
    fillTemplate(template.heading, values),
    fillTemplate(template.body, values),
    fillTemplate(template.signedBy, values),
    values.date,
    kind,
  );
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "volunteer",
    entityId: person.id,
    summary: `Volunteering ${kind} generated for ${values.name}`,
  });
  const safeName = `${person.givenName}-${person.familyName}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { filename: `volunteering-${kind}-${safeName}.pdf`, pdf };
}

function renderPdf(
  heading: string,
  body: string,
  signedBy: string,
  date: string,
  kind: DocumentKind,
): Promise<Buffer> {
  const pdf = taggedPdf({
    title: heading,
    author: signedBy,
    layout: kind === "certificate" ? "landscape" : "portrait",
  });
  const { doc } = pdf;
  if (kind === "certificate") {
    pdf.decoration(() =>
      doc
        .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
        .lineWidth(3)
        .stroke("#1d70b8"),
    );
    doc.moveDown(2).font("Helvetica-Bold").fontSize(32).fillColor("#0b0c0c");
    pdf.heading(1, heading, { align: "center" });
    doc.moveDown(1.5).font("Helvetica").fontSize(15);
    pdf.paragraph(body, { align: "center", lineGap: 6 });
    doc.moveDown(3).fontSize(12);
    pdf.paragraph(signedBy, { align: "center" });
    pdf.paragraph(date, { align: "center" });
  } else {
    doc.font("Helvetica").fontSize(11);
    pdf.paragraph(date, { align: "right" });
    doc.moveDown(2).font("Helvetica-Bold").fontSize(20);
    pdf.heading(1, heading);
    doc.moveDown().font("Helvetica").fontSize(12);
    pdf.paragraph(body, { lineGap: 4 });
    doc.moveDown(3);
    pdf.paragraph(signedBy);
  }
  return pdf.finish();
}

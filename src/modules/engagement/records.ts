import { londonDay } from "../../platform/dates/london.ts";
import type { Db } from "../../platform/db/database.ts";
import { isUuid } from "../../platform/db/ids.ts";
import { matchInOrganisation } from "../../platform/db/match-in-organisation.ts";
import { notFound } from "../../platform/http/problem.ts";
import { consultation, involvementOpportunity } from "./schema.ts";

export async function loadInvolvement(db: Db, organisationId: string, id: string) {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(involvementOpportunity)
        .where(matchInOrganisation(involvementOpportunity, organisationId, { id }))
    : [];
  if (!row) throw notFound("Involvement opportunity not found");
  return row;
}

export async function loadConsultation(db: Db, organisationId: string, id: string) {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(consultation)
        .where(matchInOrganisation(consultation, organisationId, { id }))
    : [];
  if (!row) throw notFound("Consultation not found");
  return row;
}

export const londonToday = londonDay;

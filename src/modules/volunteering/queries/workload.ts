import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewReports } from "../policy.ts";
import { rowsOf } from "./rows.ts";

/** What is waiting for coordinators: roles to approve, applications to decide, hours to verify. */
export async function volunteeringWorkload(db: Db, actor: Actor) {
  requireAllowed(canViewReports(actor), "Only staff can see the volunteering dashboard.");
  const [row] = await rowsOf<{
    roles: number;
    applications: number;
    hours: number;
    open_roles: number;
    volunteers: number;
  }>(
    db,
    sql`
    SELECT (SELECT count(*) FROM vol_opportunity WHERE organisation_id = ${actor.organisationId} AND status = 'submitted')::int AS roles,
           (SELECT count(*) FROM vol_opportunity WHERE organisation_id = ${actor.organisationId} AND status = 'approved')::int AS open_roles,
           (SELECT count(*) FROM vol_application WHERE organisation_id = ${actor.organisationId} AND status = 'applied')::int AS applications,
           (SELECT count(*) FROM vol_hours WHERE organisation_id = ${actor.organisationId} AND status = 'submitted')::int AS hours,
           (SELECT count(*) FROM volunteer WHERE organisation_id = ${actor.organisationId})::int AS volunteers`,
  );
  return {
    rolesToApprove: Number(row?.roles ?? 0),
    openRoles: Number(row?.open_roles ?? 0),
    applicationsToDecide: Number(row?.applications ?? 0),
    hoursToVerify: Number(row?.hours ?? 0),
    volunteers: Number(row?.volunteers ?? 0),
  };
}

import { newId } from "../../platform/db/ids.ts";
import type { PartnerOrganisation } from "../people/index.ts";
import type { SharedPart } from "./domain/sharing.ts";
import type { safetySharing } from "./schema.ts";
import type { SeedRows } from "./seed-portal.ts";

// Demo sharing: a few open cases shared with the demo partner agency (the one the demo partner user
// belongs to: the first agency by name), so partner@demo.kith.example has cases to look at.

const demoParts: SharedPart[] = ["summary", "parties-names", "actions", "timeline"];

export function demoSharing(
  rows: SeedRows,
  agency: PartnerOrganisation | undefined,
  officerId: string | null,
  now: Date,
): (typeof safetySharing.$inferInsert)[] {
  if (!agency) return [];
  const open = rows.cases.filter((c) => !c.closedOn && c.category === "harassment").slice(0, 3);
  return open.map((c, index) => ({
    organisationId: c.organisationId,
    id: newId(),
    caseId: c.id,
    partnerOrganisationId: agency.id,
    agencyName: agency.name,
    lawfulBasis: "Crime and Disorder Act 1998 s115",
    purpose: "Joint problem-solving on repeated harassment",
    sharedBy: officerId,
    sharedAt: new Date(now.getTime() - (index + 1) * 86_400_000),
    sharedParts: index === 0 ? demoParts : ["summary"],
    expiresOn: null,
    endedAt: null,
    endedBy: null,
  }));
}

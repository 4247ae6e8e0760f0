import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { getPartnerOrganisation, type PartnerOrganisation } from "../../people/index.ts";
import type { OrganisationType } from "../inputs.ts";
import type { GrantApplication } from "../schema.ts";

export type KnownDetails = Partial<
  Pick<
    GrantApplication,
    | "organisationName"
    | "organisationType"
    | "charityNumber"
    | "companyNumber"
    | "postcode"
    | "contactName"
    | "contactEmail"
    | "contactPhone"
  >
>;

/** Only the partner kinds that say for certain which legal form an applicant has. */
function organisationTypeOf(partner: PartnerOrganisation): OrganisationType | null {
  if (partner.kind === "community-group") return "community-group";
  if (partner.kind === "charity" && partner.charityNumber) return "registered-charity";
  return null;
}

/**
 * Ask once: what Kith already knows about an applicant, to start a new application with. The
 * organisation's details come from its partner record in People, the contact from the signed-in
 * account. The applicant checks and changes them on the usual pages; nothing here is submitted.
 */
export async function knownApplicantDetails(db: Db, actor: Actor): Promise<KnownDetails> {
  if (actor.kind !== "user") return {};
  const contact: KnownDetails = { contactName: actor.name, contactEmail: actor.email };
  if (!actor.partnerOrganisationId) return contact;
  const partner = await getPartnerOrganisation(db, actor, actor.partnerOrganisationId).catch(() => null);
  if (!partner) return contact;
  return {
    ...contact,
    organisationName: partner.name,
    organisationType: organisationTypeOf(partner),
    charityNumber: partner.charityNumber,
    companyNumber: partner.companyNumber,
    postcode: partner.postcode,
    contactPhone: partner.phone,
  };
}

import { charityNumberPattern, companyNumberPattern } from "../inputs.ts";

// Organisation identifiers in the org-id.guide style that 360Giving requires:
// GB-CHC (Charity Commission for England and Wales), GB-SC (OSCR, Scotland),
// GB-NIC (Charity Commission for Northern Ireland), GB-COH (Companies House).
// When an organisation has no usable registration, 360Giving's rule is to use the
// publisher's own 360G- prefix with an internal identifier instead.

export type RegisterIssue = { grant: string; field: string; message: string };

export type RecipientIdentity = {
  id: string;
  charityNumber: string | null;
  companyNumber: string | null;
};

const charityTypes = new Set(["registered-charity", "charitable-incorporated-organisation"]);
const companyTypes = new Set(["community-interest-company", "company-limited-by-guarantee"]);

export function charityOrgId(charityNumber: string): string {
  if (charityNumber.startsWith("SC")) return `GB-SC-${charityNumber}`;
  if (charityNumber.startsWith("NI")) return `GB-NIC-${charityNumber.replace(/^NIC?/, "")}`;
  return `GB-CHC-${charityNumber.replace(/-\d+$/, "")}`;
}

/**
 * The recipient's identifier and the registration numbers that are safe to publish.
 * A registration number that is missing or malformed is left out (never published
 * invalid) and reported, and the recipient is identified with the 360G- prefix.
 */
export function recipientIdentity(
  grant: {
    reference: string;
    recipientName: string;
    recipientType: string;
    charityNumber: string | null;
    companyNumber: string | null;
  },
  prefix: string,
  issues: RegisterIssue[],
): RecipientIdentity {
  const charity =
    grant.charityNumber && charityNumberPattern.test(grant.charityNumber) ? grant.charityNumber : null;
  const company =
    grant.companyNumber && companyNumberPattern.test(grant.companyNumber) ? grant.companyNumber : null;
  if (grant.charityNumber && !charity) {
    issues.push({
      grant: grant.reference,
      field: "Recipient Org:Charity Number",
      message: `"${grant.charityNumber}" is not a valid charity number for ${grant.recipientName}; exported without it`,
    });
  } else if (!charity && charityTypes.has(grant.recipientType)) {
    issues.push({
      grant: grant.reference,
      field: "Recipient Org:Charity Number",
      message: `${grant.recipientName} is a charity but has no charity number; exported without it`,
    });
  }
  if (grant.companyNumber && !company) {
    issues.push({
      grant: grant.reference,
      field: "Recipient Org:Company Number",
      message: `"${grant.companyNumber}" is not a valid company number for ${grant.recipientName}; exported without it`,
    });
  } else if (!company && companyTypes.has(grant.recipientType)) {
    issues.push({
      grant: grant.reference,
      field: "Recipient Org:Company Number",
      message: `${grant.recipientName} is a company but has no company number; exported without it`,
    });
  }
  const id = charity
    ? charityOrgId(charity)
    : company
      ? `GB-COH-${company}`
      : `${prefix}-ORG-${slug(grant.recipientName)}`;
  return { id, charityNumber: charity, companyNumber: company };
}

function slug(name: string): string {
  return (
    name
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "UNKNOWN"
  );
}

/** An org-id.guide identifier: a list code (country and register) then the registered id. */
export const orgIdPattern = /^[A-Z]{2}-[A-Z0-9]{2,6}-[A-Za-z0-9-]+$/;

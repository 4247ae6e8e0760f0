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

// One register a recipient may be on: the number's pattern, the 360Giving column it fills,
// and the recipient types that must be on it.
type Register = { name: string; field: string; pattern: RegExp; types: Set<string> };

const charityRegister: Register = {
  name: "charity",
  field: "Recipient Org:Charity Number",
  pattern: charityNumberPattern,
  types: new Set(["registered-charity", "charitable-incorporated-organisation"]),
};
const companyRegister: Register = {
  name: "company",
  field: "Recipient Org:Company Number",
  pattern: companyNumberPattern,
  types: new Set(["community-interest-company", "company-limited-by-guarantee"]),
};

type IdentifiedGrant = { reference: string; recipientName: string; recipientType: string };

/** The registration number when it is valid; a malformed one, or a missing one the recipient's type requires, is reported. */
function checkedNumber(
  grant: IdentifiedGrant,
  number: string | null,
  register: Register,
  issues: RegisterIssue[],
): string | null {
  if (number && register.pattern.test(number)) return number;
  if (!number && !register.types.has(grant.recipientType)) return null;
  issues.push({
    grant: grant.reference,
    field: register.field,
    message: number
      ? `"${number}" is not a valid ${register.name} number for ${grant.recipientName}; exported without it`
      : `${grant.recipientName} is a ${register.name} but has no ${register.name} number; exported without it`,
  });
  return null;
}

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
  grant: IdentifiedGrant & {
    charityNumber: string | null;
    companyNumber: string | null;
  },
  prefix: string,
  issues: RegisterIssue[],
): RecipientIdentity {
  const charity = checkedNumber(grant, grant.charityNumber, charityRegister, issues);
  const company = checkedNumber(grant, grant.companyNumber, companyRegister, issues);
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

import type { Category } from "./categories.ts";

// What a tenant may report in the portal. Some categories are staff work, not something a
// resident reports: refusing access for gas, electrical or fire safety checks is recorded by
// the landlord about the tenant, and exploitation concerns are raised by staff and partners
// under safeguarding procedures.

const staffOnlyCodes = new Set(["no-access", "exploitation"]);

/** True when tenants may choose this category in the portal. */
export function isTenantFacing(category: Pick<Category, "code" | "workflow">): boolean {
  return category.workflow !== "non-access" && !staffOnlyCodes.has(category.code);
}

const hints: Record<string, string> = {
  noise: "Loud music, parties, shouting or banging, often late at night",
  "household-noise": "Everyday sounds from next door, like footsteps, doors or appliances",
  harassment: "Someone is threatening, abusing or intimidating you or your family",
  "hate-incident":
    "You were targeted because of your race, religion, disability, sexuality or gender identity",
  "fly-tipping": "Rubbish, furniture or garden waste dumped on the estate",
  "animal-nuisance": "Barking, fouling or a dangerous dog",
  drugs: "Drug use or dealing, or a strong smell of cannabis",
  "domestic-abuse": "Abuse from a partner, ex-partner or family member. You will be treated in confidence",
  "untidy-garden": "An overgrown garden or one full of rubbish",
  "communal-misuse": "Loitering, smoking, storage or damage in shared areas like stairwells",
  "property-condition": "Hoarding, damage or pests in a neighbour's home",
};

/** A line under each category on the portal's first question, in plain words. */
export function tenantHint(category: Pick<Category, "code" | "subCategories">): string {
  return (
    hints[category.code] ??
    (category.subCategories.length ? `For example: ${category.subCategories.join(", ").toLowerCase()}` : "")
  );
}

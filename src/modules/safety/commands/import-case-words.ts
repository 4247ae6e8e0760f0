import type { PartyRole } from "../domain/categories.ts";

// Words other systems use in a cases file (docs/safety-import.md), and what Kith stores for them.

/** A party's role as written, lower case, to Kith's role. */
export const roleWords: Record<string, PartyRole> = {
  complainant: "complainant",
  victim: "complainant",
  "complainant/victim": "complainant",
  "alleged-perpetrator": "alleged-perpetrator",
  perpetrator: "alleged-perpetrator",
  "alleged perpetrator": "alleged-perpetrator",
  witness: "witness",
  "household-member": "household-member",
  "household member": "household-member",
  agency: "agency",
};

/** Other names for a hate-incident strand, lower case; any other strand has its spaces turned to hyphens. */
export const strandWords: Record<string, string> = {
  "religion or belief": "religion",
  faith: "religion",
  transgender: "transgender-identity",
  "gender identity": "transgender-identity",
  "sexual orientation": "sexual-orientation",
  racial: "race",
};

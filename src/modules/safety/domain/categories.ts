// What the team receives, and which workflow and NSIR type each starts in.
// countsAsAsb decides NM01: the regulator counts ASB cases (ASB, Crime and Policing Act 2014 s2:
// harassment, alarm or distress; housing-related nuisance or annoyance). Everyday household noise,
// non-access for safety checks, untidy gardens, property condition and exploitation concerns are
// handled here but are not ASB cases, so they are not counted.

export const workflows = ["asb", "good-neighbour", "non-access", "estate"] as const;
export type Workflow = (typeof workflows)[number];

export const workflowNames: Record<Workflow, string> = {
  asb: "Standard ASB",
  "good-neighbour": "Good neighbour (household noise)",
  "non-access": "Non-access for safety checks",
  estate: "Estate management",
};

export const nsirTypes = ["personal", "nuisance", "environmental"] as const;
export type NsirType = (typeof nsirTypes)[number];

export const hateStrands = [
  "disability",
  "race",
  "religion",
  "sexual-orientation",
  "transgender-identity",
] as const;
export type HateStrand = (typeof hateStrands)[number];
export const hateStrandNames: Record<HateStrand, string> = {
  disability: "Disability",
  race: "Race",
  religion: "Religion or belief",
  "sexual-orientation": "Sexual orientation",
  "transgender-identity": "Transgender identity",
};

export type Category = {
  code: string;
  name: string;
  workflow: Workflow;
  nsirType: NsirType;
  countsAsAsb: boolean;
  subCategories: string[];
};

export const categories: Category[] = [
  {
    code: "noise",
    name: "Noise",
    workflow: "asb",
    nsirType: "nuisance",
    countsAsAsb: true,
    subCategories: ["Loud music", "Parties", "Shouting or banging", "Vehicles"],
  },
  {
    code: "household-noise",
    name: "Everyday household noise",
    workflow: "good-neighbour",
    nsirType: "nuisance",
    countsAsAsb: false,
    subCategories: ["Footsteps", "Appliances", "Children playing", "Doors"],
  },
  {
    code: "harassment",
    name: "Harassment, threats or intimidation",
    workflow: "asb",
    nsirType: "personal",
    countsAsAsb: true,
    subCategories: ["Verbal abuse", "Threats", "Intimidation", "Online"],
  },
  {
    code: "hate-incident",
    name: "Hate incident",
    workflow: "asb",
    nsirType: "personal",
    countsAsAsb: true,
    subCategories: ["Verbal abuse", "Graffiti", "Damage to property", "Physical"],
  },
  {
    code: "fly-tipping",
    name: "Rubbish and fly-tipping",
    workflow: "estate",
    nsirType: "environmental",
    countsAsAsb: true,
    subCategories: ["Bulky items", "Household rubbish", "Garden waste"],
  },
  {
    code: "animal-nuisance",
    name: "Animal nuisance",
    workflow: "asb",
    nsirType: "nuisance",
    countsAsAsb: true,
    subCategories: ["Barking", "Fouling", "Dangerous dog"],
  },
  {
    code: "drugs",
    name: "Drugs",
    workflow: "asb",
    nsirType: "nuisance",
    countsAsAsb: true,
    subCategories: ["Use", "Dealing", "Cannabis smell", "Cuckooing"],
  },
  {
    code: "domestic-abuse",
    name: "Domestic abuse",
    workflow: "asb",
    nsirType: "personal",
    countsAsAsb: true,
    subCategories: ["Physical", "Emotional", "Economic", "Coercive control"],
  },
  {
    code: "untidy-garden",
    name: "Untidy garden",
    workflow: "estate",
    nsirType: "environmental",
    countsAsAsb: false,
    subCategories: ["Overgrown", "Rubbish in garden"],
  },
  {
    code: "communal-misuse",
    name: "Misuse of communal areas",
    workflow: "estate",
    nsirType: "nuisance",
    countsAsAsb: true,
    subCategories: ["Loitering", "Storage", "Smoking", "Vandalism"],
  },
  {
    code: "property-condition",
    name: "Property condition and hoarding",
    workflow: "estate",
    nsirType: "environmental",
    countsAsAsb: false,
    subCategories: ["Hoarding", "Damage", "Pests"],
  },
  {
    code: "no-access",
    name: "No access for gas, electrical or fire safety checks",
    workflow: "non-access",
    nsirType: "environmental",
    countsAsAsb: false,
    subCategories: ["Gas", "Electrical", "Fire safety"],
  },
  {
    code: "exploitation",
    name: "Exploitation concern",
    workflow: "asb",
    nsirType: "personal",
    countsAsAsb: false,
    subCategories: ["Child sexual exploitation", "Human trafficking", "Modern slavery"],
  },
];

const byCode = new Map(categories.map((category) => [category.code, category]));

export function findCategory(codeOrName: string): Category | undefined {
  const key = codeOrName.trim().toLowerCase();
  return byCode.get(key) ?? categories.find((category) => category.name.toLowerCase() === key);
}

export const partyRoles = [
  "complainant",
  "alleged-perpetrator",
  "witness",
  "household-member",
  "agency",
] as const;
export type PartyRole = (typeof partyRoles)[number];
export const partyRoleNames: Record<PartyRole, string> = {
  complainant: "Complainant or victim",
  "alleged-perpetrator": "Alleged perpetrator",
  witness: "Witness",
  "household-member": "Household member",
  agency: "Agency",
};

export const locationTypes = ["home", "block", "open-space"] as const;

/** How the case page labels where it happened. */
export const locationTypeNames: Record<(typeof locationTypes)[number], string> = {
  home: "Address",
  block: "Block",
  "open-space": "Open space",
};

/** Each workflow has its own statuses; the first is where a case starts, the last closes it. */
export const workflowStatuses: Record<Workflow, { code: string; name: string; targetDays: number | null }[]> =
  {
    asb: [
      { code: "open", name: "Open: assessing", targetDays: 5 },
      { code: "investigating", name: "Investigating", targetDays: 28 },
      { code: "action-plan", name: "Action plan in place", targetDays: 56 },
      { code: "legal", name: "Legal action", targetDays: null },
      { code: "closed", name: "Closed", targetDays: null },
    ],
    "good-neighbour": [
      { code: "open", name: "Open: advice given", targetDays: 10 },
      { code: "mediation", name: "Mediation offered", targetDays: 28 },
      { code: "closed", name: "Closed", targetDays: null },
    ],
    "non-access": [
      { code: "open", name: "First appointment letter", targetDays: 7 },
      { code: "second-letter", name: "Second letter sent", targetDays: 7 },
      { code: "final-warning", name: "Final warning", targetDays: 14 },
      { code: "injunction", name: "Access injunction sought", targetDays: 28 },
      { code: "closed", name: "Closed: access gained", targetDays: null },
    ],
    estate: [
      { code: "open", name: "Reported", targetDays: 2 },
      { code: "clearance-ordered", name: "Clearance ordered", targetDays: 5 },
      { code: "cleared", name: "Cleared", targetDays: 10 },
      { code: "closed", name: "Closed", targetDays: null },
    ],
  };

export function statusName(workflow: string, status: string): string {
  const list = workflowStatuses[workflow as Workflow] ?? [];
  return list.find((item) => item.code === status)?.name ?? status;
}

export const closureOutcomes = [
  "resolved",
  "resolved-by-legal-action",
  "no-further-action",
  "insufficient-evidence",
  "complainant-withdrew",
  "perpetrator-moved",
  "referred-to-another-agency",
] as const;
export const closureOutcomeNames: Record<(typeof closureOutcomes)[number], string> = {
  resolved: "Resolved",
  "resolved-by-legal-action": "Resolved by legal action",
  "no-further-action": "No further action possible",
  "insufficient-evidence": "Insufficient evidence",
  "complainant-withdrew": "Complainant withdrew",
  "perpetrator-moved": "Alleged perpetrator moved away",
  "referred-to-another-agency": "Referred to another agency",
};

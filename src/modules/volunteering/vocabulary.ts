// The fixed lists volunteers and roles are described with. Fixed lists (not free text)
// make matching and reports exact: "gardening" and "Gardening " are the same interest.

export const themes = {
  environment: "Environment and green spaces",
  "community-safety": "Community safety",
  "health-and-wellbeing": "Health and wellbeing",
  "employment-and-skills": "Employment and skills",
  "older-people": "Older people",
  "children-and-young-people": "Children and young people",
  "digital-inclusion": "Digital inclusion",
  "food-and-poverty": "Food and financial hardship",
  "resident-involvement": "Resident involvement",
} as const;
export type Theme = keyof typeof themes;

export const interests = {
  gardening: "Gardening and growing",
  "outdoor-work": "Working outdoors",
  befriending: "Befriending and companionship",
  "young-people": "Working with young people",
  "older-people": "Working with older people",
  food: "Food and cooking",
  digital: "Computers and technology",
  events: "Events",
  sport: "Sport and fitness",
  arts: "Arts and crafts",
  advice: "Advice and advocacy",
  animals: "Animals and wildlife",
} as const;
export type Interest = keyof typeof interests;

export const skills = {
  driving: "Driving (full UK licence)",
  "first-aid": "First aid",
  languages: "Speaks another language",
  teaching: "Teaching or tutoring",
  "it-support": "IT support",
  admin: "Office and admin",
  cooking: "Cooking",
  diy: "DIY and repairs",
  listening: "Listening and support",
  organising: "Organising and planning",
  "social-media": "Social media",
  finance: "Money and budgeting",
} as const;
export type Skill = keyof typeof skills;

export const availabilitySlots = {
  "weekday-mornings": "Weekday mornings",
  "weekday-afternoons": "Weekday afternoons",
  "weekday-evenings": "Weekday evenings",
  weekends: "Weekends",
} as const;
export type AvailabilitySlot = keyof typeof availabilitySlots;

export const checkKinds = {
  "dbs-enhanced": "Enhanced DBS check",
  "dbs-basic": "Basic DBS check",
  safeguarding: "Safeguarding training",
  "first-aid": "First aid certificate",
  "food-hygiene": "Food hygiene certificate",
  "manual-handling": "Manual handling training",
} as const;
export type CheckKind = keyof typeof checkKinds;

/** Trainings a role can require (a DBS check is its own yes/no: only regulated activity may ask for one). */
export const trainingKinds = [
  "safeguarding",
  "first-aid",
  "food-hygiene",
  "manual-handling",
] as const satisfies CheckKind[];

/** Verified-hours milestones that earn a certificate. */
export const milestoneHours = [10, 50, 100, 250, 500, 1000] as const;

export function labelsOf<K extends string>(list: Record<K, string>, keys: readonly string[]): string {
  return keys.map((key) => (list as Record<string, string>)[key] ?? key).join(", ");
}

export function isKeyOf<K extends string>(list: Record<K, string>, value: string): value is K {
  return Object.hasOwn(list, value);
}

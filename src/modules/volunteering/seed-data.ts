import type { CheckKind, Interest, Skill, Theme, AvailabilitySlot } from "./vocabulary.ts";

// Demo roles for a landlord in Kent and Medway: realistic titles and wording, fictional places.

export type RoleTemplate = {
  title: string; activity: string; theme: Theme; interests: Interest[]; skills: Skill[]; availability: AvailabilitySlot[];
  description: string; timeCommitment: string; dbs: boolean; training: CheckKind[]; minimumAge: number | null; remote?: boolean;
};

export const roleTemplates: RoleTemplate[] = [
  { title: "Community garden volunteer", activity: "Growing Together gardens", theme: "environment", interests: ["gardening", "outdoor-work"], skills: ["diy"], availability: ["weekday-mornings", "weekends"], description: "Help residents grow fruit and vegetables in the estate garden: digging, planting, watering and sharing the harvest.", timeCommitment: "3 hours a week", dbs: false, training: [], minimumAge: 16 },
  { title: "Litter pick leader", activity: "Clean neighbourhoods", theme: "environment", interests: ["outdoor-work", "events"], skills: ["organising"], availability: ["weekends"], description: "Lead a monthly litter pick with neighbours. We provide pickers, bags, gloves and high-visibility vests.", timeCommitment: "2 hours a month", dbs: false, training: ["manual-handling"], minimumAge: 18 },
  { title: "Homework club helper", activity: "After-school homework club", theme: "children-and-young-people", interests: ["young-people"], skills: ["teaching", "listening"], availability: ["weekday-afternoons"], description: "Help children aged 7 to 11 with reading and homework at the community centre after school.", timeCommitment: "2 hours a week in term time", dbs: true, training: ["safeguarding"], minimumAge: 18 },
  { title: "Youth football coach", activity: "Estate football", theme: "children-and-young-people", interests: ["sport", "young-people"], skills: ["first-aid", "organising"], availability: ["weekday-evenings", "weekends"], description: "Coach the under-12s team on Saturday mornings and one weekday evening.", timeCommitment: "4 hours a week", dbs: true, training: ["safeguarding", "first-aid"], minimumAge: 18 },
  { title: "Befriender", activity: "Good Neighbours befriending", theme: "older-people", interests: ["befriending", "older-people"], skills: ["listening"], availability: ["weekday-mornings", "weekday-afternoons"], description: "Visit an older resident who lives alone for a cup of tea and a chat once a week.", timeCommitment: "1 to 2 hours a week", dbs: true, training: ["safeguarding"], minimumAge: 18 },
  { title: "Telephone befriender", activity: "Good Neighbours befriending", theme: "older-people", interests: ["befriending", "older-people"], skills: ["listening", "languages"], availability: ["weekday-mornings", "weekday-afternoons", "weekday-evenings"], description: "Phone an older resident for a friendly chat each week, from your own home.", timeCommitment: "1 hour a week", dbs: false, training: ["safeguarding"], minimumAge: 18, remote: true },
  { title: "Food bank packer", activity: "Community pantry", theme: "food-and-poverty", interests: ["food"], skills: ["organising"], availability: ["weekday-mornings", "weekends"], description: "Sort donations and pack food parcels for families referred to the pantry.", timeCommitment: "3 hours a week", dbs: false, training: ["food-hygiene"], minimumAge: 16 },
  { title: "Community cafe cook", activity: "Pay-as-you-feel cafe", theme: "food-and-poverty", interests: ["food", "events"], skills: ["cooking"], availability: ["weekday-afternoons"], description: "Cook a simple hot lunch for up to 40 people at the weekly community cafe.", timeCommitment: "4 hours a week", dbs: false, training: ["food-hygiene"], minimumAge: 18 },
  { title: "Digital buddy", activity: "Get Online sessions", theme: "digital-inclusion", interests: ["digital", "older-people"], skills: ["it-support", "teaching"], availability: ["weekday-mornings"], description: "Help residents use phones, tablets and laptops: email, video calls, online banking and Universal Credit journals.", timeCommitment: "2 hours a week", dbs: false, training: [], minimumAge: 16 },
  { title: "Money advice helper", activity: "Money matters drop-in", theme: "food-and-poverty", interests: ["advice"], skills: ["finance", "listening"], availability: ["weekday-afternoons"], description: "Welcome people to the drop-in and help them gather what they need for a benefits check with an adviser.", timeCommitment: "3 hours a fortnight", dbs: false, training: ["safeguarding"], minimumAge: 18 },
  { title: "Walking group leader", activity: "Health walks", theme: "health-and-wellbeing", interests: ["sport", "outdoor-work"], skills: ["first-aid"], availability: ["weekday-mornings"], description: "Lead a gentle 45-minute walk around the neighbourhood for people getting active again.", timeCommitment: "1 hour a week", dbs: false, training: ["first-aid"], minimumAge: 18 },
  { title: "Arts and crafts helper", activity: "Creative afternoons", theme: "health-and-wellbeing", interests: ["arts", "older-people"], skills: ["teaching"], availability: ["weekday-afternoons"], description: "Help run a relaxed craft session for residents at the sheltered scheme.", timeCommitment: "2 hours a week", dbs: false, training: [], minimumAge: 16 },
  { title: "CV and job club mentor", activity: "Work ready", theme: "employment-and-skills", interests: ["advice", "young-people"], skills: ["admin", "teaching"], availability: ["weekday-evenings"], description: "Help residents write CVs, search for jobs and practise interviews.", timeCommitment: "2 hours a week", dbs: false, training: [], minimumAge: 18 },
  { title: "Community safety walkabout volunteer", activity: "Safer streets", theme: "community-safety", interests: ["outdoor-work", "events"], skills: ["organising"], availability: ["weekday-evenings"], description: "Walk the estate with the neighbourhood officer and report lighting, fly-tipping and repairs.", timeCommitment: "2 hours a month", dbs: false, training: [], minimumAge: 18 },
  { title: "Wildlife survey volunteer", activity: "Nature on our doorstep", theme: "environment", interests: ["animals", "outdoor-work"], skills: [], availability: ["weekends"], description: "Count birds and pollinators on our green spaces through the seasons.", timeCommitment: "2 hours a month", dbs: false, training: [], minimumAge: 14 },
  { title: "Newsletter writer", activity: "Resident newsletter", theme: "resident-involvement", interests: ["arts", "digital"], skills: ["social-media", "admin"], availability: ["weekday-evenings", "weekends"], description: "Write short stories and take photos for the quarterly resident newsletter, from home.", timeCommitment: "4 hours a quarter", dbs: false, training: [], minimumAge: 16, remote: true },
];

export const places: { name: string; postcode: string }[] = [
  { name: "Luton Arches community centre", postcode: "ME4 5AY" },
  { name: "Twydall community hall", postcode: "ME8 6QF" },
  { name: "Parkwood hub", postcode: "ME15 9HL" },
  { name: "Shepway green", postcode: "ME15 8BH" },
  { name: "Millmead community centre", postcode: "CT9 3QL" },
  { name: "Newington neighbourhood base", postcode: "CT12 6NZ" },
  { name: "Stanhope community hall", postcode: "TN23 5RN" },
  { name: "Aycliffe community centre", postcode: "CT17 9HQ" },
  { name: "Northfleet hub", postcode: "DA11 9AX" },
  { name: "Temple Hill community centre", postcode: "DA1 5ND" },
  { name: "Murston community garden", postcode: "ME10 3RR" },
  { name: "Sherwood estate hall", postcode: "TN2 3LD" },
];

export const givenNames = ["Amira", "Ben", "Chloe", "Daniel", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack", "Kiran", "Leah", "Mohammed", "Niamh", "Oliver", "Priya", "Ruby", "Sam", "Tariq", "Una", "Viktor", "Wendy", "Yusuf", "Zofia", "Aisha", "Callum", "Dorota", "Ewan", "Fatima", "George", "Hannah", "Ibrahim", "Jade", "Kwame", "Lily", "Marek", "Nora", "Owen", "Patience", "Rhys"];
export const familyNames = ["Adeyemi", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Kowalski", "Lewis", "Martin", "Nowak", "O'Brien", "Patel", "Quinn", "Roberts", "Singh", "Taylor", "Usman", "Walker", "Wright", "Young", "Ahmed", "Brown", "Campbell", "Dunn", "Edwards", "Fraser"];

/** The value of an hour used in the demo: the National Living Wage in force from April of each year. */
export const demoRates: Record<number, { ratePence: number; source: string }> = {
  2024: { ratePence: 1144, source: "National Living Wage from 1 April 2024 (£11.44), used as a conservative replacement cost" },
  2025: { ratePence: 1221, source: "National Living Wage from 1 April 2025 (£12.21), used as a conservative replacement cost" },
  2026: { ratePence: 1271, source: "National Living Wage from 1 April 2026 (£12.71), used as a conservative replacement cost" },
};

// What other modules may use from volunteering.
export { volunteeringValue, type VolunteeringValue, type ValueLine } from "./queries/volunteering-value.ts";
export { themes as volunteeringThemes, type Theme as VolunteeringTheme } from "./vocabulary.ts";

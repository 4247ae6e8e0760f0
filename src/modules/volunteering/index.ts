// What other modules may use from volunteering.

export {
  type HoursByProject,
  type HoursByProjectQuery,
  type ProjectHoursLine,
  volunteeringByProject,
} from "./queries/hours-by-project.ts";
export { volunteersByDistrict, volunteersInDistrict } from "./queries/place-volunteers.ts";
export { type ValueLine, type VolunteeringValue, volunteeringValue } from "./queries/volunteering-value.ts";
export { type Theme as VolunteeringTheme, themes as volunteeringThemes } from "./vocabulary.ts";

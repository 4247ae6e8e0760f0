import type { FieldErrors } from "../../../platform/http/problem.ts";
import {
  checkboxes,
  html,
  radios,
  type SafeHtml,
  select,
  textarea,
  textInput,
} from "../../../platform/ui/index.ts";
import { availabilitySlots, checkKinds, interests, skills, themes, trainingKinds } from "../vocabulary.ts";

const items = (list: Record<string, string>) =>
  Object.entries(list).map(([value, text]) => ({ value, text }));
const listValue = (value: string | undefined) => (value ? value.split(",") : []);

/** The fields of the "post a role" form; `values` are the submitted strings when re-shown with errors. */
export function roleFields(values: Record<string, string>, errors: FieldErrors | undefined): SafeHtml {
  return html`
    ${textInput({ name: "title", label: "Role title", hint: "For example, Homework club helper", value: values.title, error: errors?.title })}
    ${textInput({ name: "activity", label: "Activity", hint: "The project or activity the role is part of, for example Luton Arches homework club", value: values.activity, error: errors?.activity })}
    ${textarea({ name: "description", label: "What the volunteer will do", value: values.description, error: errors?.description, rows: 6 })}
    ${select({ name: "theme", label: "Theme", hint: "Hours are reported by theme", options: [{ value: "", text: "Select a theme" }, ...items(themes)], value: values.theme, error: errors?.theme })}
    ${checkboxes({ name: "interests", legend: "Who would enjoy it", hint: "Select all that apply", items: items(interests), values: listValue(values.interests), error: errors?.interests, small: true })}
    ${checkboxes({ name: "skills", legend: "Useful skills (optional)", items: items(skills), values: listValue(values.skills), error: errors?.skills, small: true })}
    ${checkboxes({ name: "availability", legend: "When it happens (optional)", items: items(availabilitySlots), values: listValue(values.availability), error: errors?.availability, small: true })}
    ${radios({
      name: "remote",
      legend: "Can it be done from home?",
      items: [
        { value: "no", text: "No, in person" },
        { value: "yes", text: "Yes, remote" },
      ],
      value: values.remote ?? "no",
      error: errors?.remote,
      inline: true,
    })}
    ${textInput({ name: "locationName", label: "Place (optional)", hint: "For example, Luton Arches community centre", value: values.locationName, error: errors?.locationName })}
    ${textInput({ name: "postcode", label: "Postcode", hint: "Needed unless the role is remote. We use it to show roles near people", value: values.postcode, width: 10, error: errors?.postcode })}
    ${textInput({ name: "timeCommitment", label: "Time commitment", hint: "For example, 2 hours a week in term time", value: values.timeCommitment, error: errors?.timeCommitment })}
    ${radios({
      name: "dbsRequired",
      legend: "Does it need an enhanced DBS check?",
      hint: "Only for regulated activity, such as unsupervised work with children or adults who need care. Asking for a check otherwise is unlawful.",
      items: [
        { value: "no", text: "No" },
        { value: "yes", text: "Yes, it is regulated activity" },
      ],
      value: values.dbsRequired ?? "no",
      error: errors?.dbsRequired,
      inline: true,
    })}
    ${checkboxes({ name: "trainingRequired", legend: "Training needed before starting (optional)", items: trainingKinds.map((kind) => ({ value: kind, text: checkKinds[kind] })), values: listValue(values.trainingRequired), error: errors?.trainingRequired, small: true })}
    ${textInput({ name: "minimumAge", label: "Minimum age (optional)", hint: "Between 14 and 25. Leave blank for no minimum", value: values.minimumAge, width: 3, inputmode: "numeric", error: errors?.minimumAge })}
    ${textInput({ name: "places", label: "Number of places", value: values.places ?? "1", width: 4, inputmode: "numeric", error: errors?.places })}
    ${textInput({ name: "projectRef", label: "Project reference (optional)", hint: "The community investment project this role serves, so its hours count there", value: values.projectRef, error: errors?.projectRef })}`;
}

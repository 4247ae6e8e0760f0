import type { FieldErrors } from "../../../platform/http/problem.ts";

/** "£1,250.50" or "1250.5" typed into a form → pence; null when blank; NaN when not money. */
export function penceFromPounds(text: string | undefined): number | null {
  const value = (text ?? "").trim().replace(/^£/, "").replaceAll(",", "");
  if (value === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return Number.NaN;
  const [pounds, pennies = ""] = value.split(".");
  return Number(pounds) * 100 + Number(pennies.padEnd(2, "0"));
}

/** Command errors name input paths (areas.0.laCode); the form names its own fields. */
export function errorsForForm(errors: FieldErrors | undefined, map: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors ?? {})) {
    const key = Object.keys(map).find((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    out[key ? map[key] : path] ??= message;
  }
  return out;
}

export const stageNames: Record<string, string> = {
  idea: "Idea",
  pipeline: "Pipeline",
  active: "Active",
  closed: "Closed",
};
export const answerItems = [
  { value: "yes", text: "Yes" },
  { value: "partly", text: "Partly" },
  { value: "no", text: "No" },
];

/** The theory-of-change fields of a form: a chosen template, or the project's own four answers. */
export function theoryOfChangeFromForm(values: Record<string, string | undefined>) {
  return {
    changeTemplateId: values.changeTemplateId || null,
    theoryOfChange: values.changeTemplateId
      ? null
      : {
          inputs: values.tocInputs ?? "",
          activities: values.tocActivities ?? "",
          outputs: values.tocOutputs ?? "",
          outcomes: values.tocOutcomes ?? "",
        },
    indicatorCodes: (values.indicatorCodes ?? "")
      .split(",")
      .map((code) => code.trim())
      .filter(Boolean),
  };
}

import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { csrfField } from "../../../platform/http/form-commands.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { button, checkboxes, errorMessage, html, radios, type SafeHtml } from "../../../platform/ui/index.ts";
import type { RegisterCandidate } from "../queries/register.ts";

export type CandidateList = {
  /** What the list is: "3 people found for "smi"", "From the last session, 4 Nov". */
  heading: string;
  candidates: RegisterCandidate[];
};

/** Where the candidates came from, carried through the add form so the officer comes back to them. */
export type RegisterView = { q?: string; from?: string; group?: string };

export function viewQuery(view: RegisterView): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `&${text}` : "";
}

/**
 * The people offered for adding (search results, the last session, a group) with "Add ticked people"
 * and "Mark all present". Rendered alone for the as-you-type script, and inside the page without it.
 */
export function candidatePanel(
  c: Context<AppEnv>,
  sessionId: string,
  list: CandidateList | null,
  view: RegisterView,
  errors: FieldErrors = {},
): SafeHtml {
  if (errors.q) return html`${errorMessage("q-results-error", errors.q)}`;
  if (!list) return html``;
  const addable = list.candidates.filter((p) => !p.onRegister);
  const onRegister = list.candidates.filter((p) => p.onRegister);
  if (list.candidates.length === 0)
    return html`<h2 class="govuk-heading-m">${list.heading}</h2><p class="govuk-body">Nobody found. Check the spelling, or search by postcode or reference.</p>`;
  if (addable.length === 0)
    return html`<h2 class="govuk-heading-m">${list.heading}</h2><p class="govuk-body">Everyone listed is already on the register.</p>`;
  return html`<form method="post" action="/investment/sessions/${sessionId}/register/add" novalidate>${csrfField(c)}
    ${Object.entries(view).map(([key, value]) => (value ? html`<input type="hidden" name="${key}" value="${value}">` : ""))}
    ${addable.map((p) => html`<input type="hidden" name="listed" value="${p.key}">`)}
    ${checkboxes({
      name: "add",
      legend: { text: list.heading, classes: "govuk-fieldset__legend--m" },
      hint: "Tick the people who came, or mark everyone listed as present.",
      error: errors.add,
      small: true,
      // People already on the register are named below, not offered: a disabled box fails contrast.
      items: addable.map((p) => ({ value: p.key, text: p.name, hint: p.detail ?? undefined })),
    })}
    ${onRegister.length ? html`<p class="govuk-body">Already on the register: ${onRegister.map((p) => p.name).join(", ")}.</p>` : ""}
    ${radios({
      name: "role",
      legend: { text: "They came as", classes: "govuk-fieldset__legend--s" },
      inline: true,
      small: true,
      value: "participant",
      items: [
        { value: "participant", text: "Participants" },
        { value: "volunteer", text: "Volunteers" },
      ],
    })}
    <div class="govuk-button-group">${button({ text: "Add ticked people", name: "mode", value: "ticked" })}${addable.length ? button({ text: `Mark all ${addable.length} present`, name: "mode", value: "all", variant: "secondary" }) : ""}</div>
  </form>`;
}

export type RegisterRow = {
  participantId: string;
  displayName: string;
  role: string;
  detail: string | null;
};

const roleNames: Record<string, string> = {
  participant: "Participant",
  volunteer: "Volunteer",
  "service-user-input": "Service user input",
};

/**
 * The saved register: everyone on it ticked; untick anyone recorded by mistake and save. Written out
 * by hand rather than with the checkboxes component to keep a register of 200 small (no hint ids).
 */
export function registerTable(
  c: Context<AppEnv>,
  session: { id: string; projectId: string },
  rows: RegisterRow[],
  errors: FieldErrors,
): SafeHtml {
  if (rows.length === 0)
    return html`<h2 class="govuk-heading-m">On the register</h2><p class="govuk-body">Nobody is on this register yet.</p>`;
  return html`<form method="post" action="/investment/sessions/${session.id}/register/remove" novalidate>${csrfField(c)}
    <div class="govuk-form-group${errors.present ? " govuk-form-group--error" : ""}"><fieldset class="govuk-fieldset" aria-describedby="present-hint"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">On the register (${rows.length})</legend>
    <div id="present-hint" class="govuk-hint">Untick anyone recorded by mistake, then save.</div>${errorMessage("present-error", errors.present)}
    <div class="govuk-checkboxes govuk-checkboxes--small" id="present">${rows.map(
      (r, i) =>
        html`<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="present-${i}" name="present" type="checkbox" value="${r.participantId}" checked><label class="govuk-label govuk-checkboxes__label" for="present-${i}">${r.displayName} <span class="govuk-hint">(${roleNames[r.role] ?? r.role}${r.detail ? `; ${r.detail}` : ""})</span></label></div>`,
    )}</div></fieldset></div>
    ${button({ text: "Save the register", variant: "secondary" })}
  </form>
  <p class="govuk-body"><a class="govuk-link" href="/investment/sessions/${session.id}/outcome">Record an outcome for someone on this register</a></p>`;
}

/** Outcome recording from a session: choose who from the register, then the outcome form opens for them. */
export function outcomeChooser(session: { id: string; projectId: string }, rows: RegisterRow[]): SafeHtml {
  if (rows.length === 0) return html`<p class="govuk-body">Nobody is on this register yet.</p>`;
  return html`<form method="get" action="/impact/outcomes/new"><input type="hidden" name="projectId" value="${session.projectId}">
    ${radios({ name: "participantId", legend: { text: "Who is the outcome for?", classes: "govuk-fieldset__legend--m" }, small: true, items: rows.map((r) => ({ value: r.participantId, text: r.detail ? `${r.displayName} (${r.detail})` : r.displayName })) })}
    ${button({ text: "Continue" })}</form>`;
}

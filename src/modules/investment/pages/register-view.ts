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
  if (list.candidates.length === 0)
    return html`<h2 class="govuk-heading-m">${list.heading}</h2><p class="govuk-body">Nobody found. Check the spelling, or search by postcode or reference.</p>`;
  return html`<form method="post" action="/investment/sessions/${sessionId}/register/add" novalidate>${csrfField(c)}
    ${Object.entries(view).map(([key, value]) => (value ? html`<input type="hidden" name="${key}" value="${value}">` : ""))}
    ${addable.map((p) => html`<input type="hidden" name="listed" value="${p.key}">`)}
    ${checkboxes({
      name: "add",
      legend: { text: list.heading, classes: "govuk-fieldset__legend--m" },
      hint: "Tick the people who came, or mark everyone listed as present.",
      error: errors.add,
      small: true,
      items: list.candidates.map((p) => ({
        value: p.key,
        text: p.name,
        hint:
          [p.detail, p.onRegister ? "already on the register" : null].filter(Boolean).join("; ") || undefined,
        disabled: p.onRegister,
      })),
    })}
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

/** The saved register, with a tick box per person to take them off and a link to record an outcome. */
export function registerTable(
  c: Context<AppEnv>,
  session: { id: string; projectId: string },
  rows: RegisterRow[],
  errors: FieldErrors,
): SafeHtml {
  if (rows.length === 0) return html`<p class="govuk-body">Nobody is on this register yet.</p>`;
  return html`<form method="post" action="/investment/sessions/${session.id}/register/remove" novalidate>${csrfField(c)}
    <div class="govuk-form-group${errors.remove ? " govuk-form-group--error" : ""}">${errorMessage("remove-error", errors.remove)}
    <table class="govuk-table" id="remove"><caption class="govuk-table__caption govuk-table__caption--m">On the register (${rows.length})</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Came as</th><th scope="col" class="govuk-table__header">Outcome</th><th scope="col" class="govuk-table__header">Take off</th></tr></thead>
    <tbody class="govuk-table__body">${rows.map(
      (r, i) =>
        html`<tr class="govuk-table__row"><td class="govuk-table__cell">${r.displayName}${r.detail ? html`<br><span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">${r.detail}</span>` : ""}</td><td class="govuk-table__cell">${roleNames[r.role] ?? r.role}</td><td class="govuk-table__cell"><a class="govuk-link" href="/impact/outcomes/new?participantId=${r.participantId}&amp;projectId=${session.projectId}">Record<span class="govuk-visually-hidden"> an outcome for ${r.displayName}</span></a></td><td class="govuk-table__cell"><div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" type="checkbox" id="remove-${i}" name="remove" value="${r.participantId}"><label class="govuk-label govuk-checkboxes__label" for="remove-${i}"><span class="govuk-visually-hidden">Take ${r.displayName} off</span></label></div></div></td></tr>`,
    )}</tbody></table></div>
    ${button({ text: "Take ticked people off the register", variant: "secondary" })}
  </form>`;
}

// The next step a tenant sees must be current. The officer's written next step goes stale as soon
// as a later update is shared with the tenant (the visit it promised has happened, say); then the
// earliest open shared action with a due date is the next step. A closed case has none.

export type NextStepInput = {
  closed: boolean;
  /** The officer's next step, when it is shared with the tenant. */
  written: string | null;
  writtenAt: Date;
  /** Times of updates shared with the tenant, written by staff. */
  sharedUpdates: Date[];
  openActions: { name: string; dueOn: string | null }[];
};

export type CurrentNextStep = { text: string; kind: "written" | "action"; dueOn: string | null };

export function currentNextStep(input: NextStepInput): CurrentNextStep | null {
  if (input.closed) return null;
  const writtenAt = input.writtenAt.getTime();
  const stale = input.sharedUpdates.some((at) => at.getTime() > writtenAt);
  if (input.written?.trim() && !stale) return { text: input.written, kind: "written", dueOn: null };
  const next = input.openActions
    .filter((action) => action.dueOn !== null)
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""))[0];
  return next ? { text: next.name, kind: "action", dueOn: next.dueOn } : null;
}

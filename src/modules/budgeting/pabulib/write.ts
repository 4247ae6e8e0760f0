// Writes an election back out as a pabulib .pb file that parsePabulib (and pabutools)
// can read. Columns kept from the original file are written in their original order;
// values we understand (id, cost, votes, name, category, selected, vote) are written
// from the typed fields, so edits to them are not lost.

import type { Rational } from "../rules/rational.ts";
import type { PabulibProject } from "./parse.ts";

/** A project as parsed, or built from Kith's own proposals (which have no original columns). */
export type WritableProject = Omit<PabulibProject, "fields"> & {
  readonly fields?: Readonly<Record<string, string>>;
};

export type WritableElection = {
  readonly meta: Readonly<Record<string, string>>;
  readonly budget?: Rational;
  readonly projects: readonly WritableProject[];
  readonly ballots: readonly (readonly string[])[];
  /** Cumulative votes: each voter's points, in the order of their ballot. */
  readonly points?: readonly (readonly number[])[] | null;
  readonly voters?: readonly { readonly fields: Readonly<Record<string, string>> }[];
  readonly projectColumns?: readonly string[];
  readonly voteColumns?: readonly string[];
};

/** Quotes a field when it holds the separator, a quote or a line break (CSV style). */
function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(values: readonly string[]): string {
  const text = values.map(field).join(";");
  // An empty line would be skipped as blank, losing e.g. an empty one-column ballot.
  return text === "" ? '""' : text;
}

function projectValue(p: WritableProject, column: string): string {
  switch (column) {
    case "project_id":
      return p.id;
    case "cost":
      return p.cost.toExactString();
    case "name":
      return p.name ?? p.fields?.name ?? "";
    case "category":
      return p.category ?? p.fields?.category ?? "";
    case "votes":
      return p.votes !== undefined ? String(p.votes) : (p.fields?.votes ?? "");
    case "selected":
      return p.selected !== undefined ? (p.selected ? "1" : "0") : (p.fields?.selected ?? "");
    default:
      return p.fields?.[column] ?? "";
  }
}

function defaultProjectColumns(projects: readonly WritableProject[]): string[] {
  const columns = ["project_id", "cost"];
  const optional = ["votes", "name", "category", "selected"] as const;
  for (const col of optional) if (projects.some((p) => p[col] !== undefined)) columns.push(col);
  return columns;
}

export function writePabulib(election: WritableElection): string {
  const lines: string[] = ["META", "key;value"];
  const meta: Record<string, string> = { ...election.meta };
  if (election.budget) meta.budget = election.budget.toExactString();
  // Counts describe the data actually written, so the file stays self-consistent.
  meta.num_projects = String(election.projects.length);
  meta.num_votes = String(election.ballots.length);
  if (meta.vote_type === undefined) meta.vote_type = "approval";
  for (const [key, value] of Object.entries(meta)) lines.push(row([key, value]));

  const projectColumns = election.projectColumns ?? defaultProjectColumns(election.projects);
  lines.push("PROJECTS", row(projectColumns));
  for (const p of election.projects) lines.push(row(projectColumns.map((c) => projectValue(p, c))));

  const voteColumns = [...(election.voteColumns ?? ["voter_id", "vote"])];
  if (election.points && !voteColumns.includes("points")) voteColumns.push("points");
  lines.push("VOTES", row(voteColumns));
  for (const [i, ballot] of election.ballots.entries()) {
    const fields = election.voters?.[i]?.fields ?? {};
    const values = voteColumns.map((c) => {
      if (c === "vote") return ballot.join(",");
      if (c === "points" && election.points) return (election.points[i] ?? []).join(",");
      if (c === "voter_id") return fields.voter_id ?? String(i + 1);
      return fields[c] ?? "";
    });
    lines.push(row(values));
  }
  return `${lines.join("\n")}\n`;
}

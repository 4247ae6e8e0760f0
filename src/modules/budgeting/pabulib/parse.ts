// Reads a pabulib .pb file (https://pabulib.org/format): a META section of key;value
// rows, a PROJECTS table and a VOTES table, each introduced by a line holding only the
// section name and followed by a header row. Column order varies between files, so
// columns are always looked up by header name.
//
// Problems are reported as a PabulibError naming the line, written for the person who
// has to fix the file, not for a developer.

import { parseDecimal, type Rational } from "../rules/rational.ts";
import type { PbRecord } from "./records.ts";
import { splitRecords } from "./records.ts";

export class PabulibError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "PabulibError";
    this.line = line;
  }
}

export type PabulibProject = {
  readonly id: string;
  readonly cost: Rational;
  readonly name?: string;
  readonly category?: string;
  /** The vote count written in the file (not recomputed from the ballots). */
  readonly votes?: number;
  /** Whether the project was funded in reality (selected = 1). */
  readonly selected?: boolean;
  /** Every column of the row as written, for writing the file back out. */
  readonly fields: Readonly<Record<string, string>>;
};

export type PabulibVoter = {
  readonly line: number;
  /** Every column of the row as written (voter_id, vote, age, ...). */
  readonly fields: Readonly<Record<string, string>>;
};

export type PabulibElection = {
  readonly meta: Record<string, string>;
  readonly budget: Rational;
  readonly projects: PabulibProject[];
  /** One list of approved project ids per voter; an empty list is a blank ballot. */
  readonly ballots: string[][];
  /**
   * Cumulative (points) files only: the points each voter gave, in the order of their
   * `ballots` entry (a project named twice gets the sum). Null for other vote types.
   */
  readonly points: number[][] | null;
  /**
   * Every project each vote names, in file order, whatever its points (0 included). For
   * approval files this is `ballots` itself. pabutools reads a cumulative ballot this
   * way under its cost and approval (cardinality) satisfactions: a project counts when
   * it is in the ballot, so `kith pb results` uses these lists for its approval rules.
   */
  readonly listed: string[][];
  readonly voters: PabulibVoter[];
  readonly projectColumns: string[];
  readonly voteColumns: string[];
};

type Section = "META" | "PROJECTS" | "VOTES";
const SECTIONS: readonly Section[] = ["META", "PROJECTS", "VOTES"];

type SectionBody = { readonly line: number; readonly header: PbRecord | null; readonly rows: PbRecord[] };

function splitSections(records: readonly PbRecord[], lastLine: () => number): Record<Section, SectionBody> {
  const found = new Map<Section, { line: number; rows: PbRecord[] }>();
  let current: PbRecord[] | null = null;
  for (const r of records) {
    const name =
      r.fields.length === 1 || r.fields.slice(1).every((f) => f.trim() === "") ? r.fields[0].trim() : "";
    const section = SECTIONS.find((s) => s === name.toUpperCase());
    if (section) {
      const before = found.get(section);
      if (before)
        throw new PabulibError(
          r.line,
          `a second ${section} section starts here (the first is on line ${before.line})`,
        );
      current = [];
      found.set(section, { line: r.line, rows: current });
      continue;
    }
    if (current === null)
      throw new PabulibError(r.line, 'the file must start with a line containing only "META"');
    current.push(r);
  }
  const body = (s: Section): SectionBody => {
    const f = found.get(s);
    if (!f) {
      throw new PabulibError(
        s === "META" ? 1 : lastLine(),
        `the ${s} section is missing (a line containing only "${s}")`,
      );
    }
    return { line: f.line, header: f.rows[0] ?? null, rows: f.rows.slice(1) };
  };
  return { META: body("META"), PROJECTS: body("PROJECTS"), VOTES: body("VOTES") };
}

function columnsOf(section: Section, body: SectionBody, required: readonly string[]): string[] {
  if (!body.header) throw new PabulibError(body.line, `the ${section} section has no header row`);
  const columns = body.header.fields.map((f) => f.trim());
  for (const col of required) {
    if (!columns.includes(col)) {
      throw new PabulibError(
        body.header.line,
        `the ${section} header has no "${col}" column (found: ${columns.join(", ")})`,
      );
    }
  }
  return columns;
}

function rowObject(columns: readonly string[], row: PbRecord): Record<string, string> {
  const obj: Record<string, string> = {};
  for (const [i, col] of columns.entries()) if (col !== "") obj[col] = row.fields[i] ?? "";
  return obj;
}

function parseAmount(text: string, what: string, line: number): Rational {
  if (text.trim() === "") throw new PabulibError(line, `${what} is missing`);
  const value = parseDecimal(text);
  if (value === null) throw new PabulibError(line, `${what} "${text.trim()}" is not a number`);
  if (value.sign() < 0) throw new PabulibError(line, `${what} ${text.trim()} is negative`);
  return value;
}

/** A cumulative vote's points: one whole number per project named, in the same order. */
function pointsOf(text: string, ids: readonly string[], distinct: readonly string[], line: number): number[] {
  const values = text.trim() === "" ? [] : text.split(",").map((v) => v.trim());
  if (values.length !== ids.length)
    throw new PabulibError(
      line,
      `this vote names ${ids.length} project${ids.length === 1 ? "" : "s"} but gives ${values.length} points value${values.length === 1 ? "" : "s"}; give one for each project, in the same order`,
    );
  const byId = new Map<string, number>();
  for (const [k, value] of values.entries()) {
    if (!/^\d{1,9}$/.test(value))
      throw new PabulibError(line, `the points "${value}" for project "${ids[k]}" are not a whole number`);
    byId.set(ids[k], (byId.get(ids[k]) ?? 0) + Number(value));
  }
  return distinct.map((id) => byId.get(id) ?? 0);
}

export function parsePabulib(input: string): PabulibElection {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records = splitRecords(text);
  // Only needed to report a missing section, so only counted then.
  const lastLine = (): number => text.split("\n").length;
  const sections = splitSections(records, lastLine);

  const meta: Record<string, string> = {};
  for (const r of sections.META.rows) {
    meta[r.fields[0].trim()] = r.fields.slice(1).join(";").trim();
  }
  // The first META row is normally the "key;value" header; accept files without it.
  const metaHeader = sections.META.header;
  if (metaHeader && metaHeader.fields[0].trim() !== "key") {
    meta[metaHeader.fields[0].trim()] = metaHeader.fields.slice(1).join(";").trim();
  }
  const budgetRow = [metaHeader, ...sections.META.rows].find((r) => r?.fields[0].trim() === "budget");
  if (meta.budget === undefined || !budgetRow) {
    throw new PabulibError(sections.META.line, 'the META section has no "budget" row');
  }
  const budget = parseAmount(meta.budget, "the budget", budgetRow.line);

  const projectColumns = columnsOf("PROJECTS", sections.PROJECTS, ["project_id", "cost"]);
  const projects: PabulibProject[] = [];
  const firstSeen = new Map<string, number>();
  for (const r of sections.PROJECTS.rows) {
    const fields = rowObject(projectColumns, r);
    const id = fields.project_id.trim();
    if (id === "") throw new PabulibError(r.line, "this project has no project_id");
    const earlier = firstSeen.get(id);
    if (earlier !== undefined)
      throw new PabulibError(r.line, `project id "${id}" is used twice (first on line ${earlier})`);
    firstSeen.set(id, r.line);
    const cost = parseAmount(fields.cost, `the cost of project "${id}"`, r.line);
    const votesText = fields.votes?.trim();
    const votes = votesText ? Number(votesText) : Number.NaN;
    const selectedText = fields.selected?.trim();
    projects.push({
      id,
      cost,
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.category !== undefined ? { category: fields.category } : {}),
      ...(Number.isFinite(votes) ? { votes } : {}),
      ...(selectedText ? { selected: selectedText === "1" } : {}),
      fields,
    });
  }

  const cumulative = (meta.vote_type ?? "").trim() === "cumulative";
  const voteColumns = columnsOf("VOTES", sections.VOTES, cumulative ? ["vote", "points"] : ["vote"]);
  const ballots: string[][] = [];
  const points: number[][] | null = cumulative ? [] : null;
  const listed: string[][] = cumulative ? [] : ballots;
  const voters: PabulibVoter[] = [];
  for (const r of sections.VOTES.rows) {
    const fields = rowObject(voteColumns, r);
    const vote = fields.vote.trim();
    const ids =
      vote === ""
        ? []
        : vote
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "");
    for (const id of ids) {
      if (!firstSeen.has(id)) {
        const who = fields.voter_id ? `voter ${fields.voter_id.trim()}` : "this vote";
        throw new PabulibError(r.line, `${who} names project "${id}", which is not in the PROJECTS section`);
      }
    }
    const distinct = ids.filter((id, k) => ids.indexOf(id) === k);
    if (points) {
      // A project given 0 points was not chosen: it is left off the ballot.
      const given = pointsOf(fields.points ?? "", ids, distinct, r.line);
      ballots.push(distinct.filter((_, k) => given[k] > 0));
      points.push(given.filter((n) => n > 0));
      listed.push(distinct);
    } else ballots.push(distinct);
    voters.push({ line: r.line, fields });
  }

  return { meta, budget, projects, ballots, points, listed, voters, projectColumns, voteColumns };
}

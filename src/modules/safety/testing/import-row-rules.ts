import type { Actor } from "../../../platform/access/actor.ts";
import { normaliseDay } from "../../../platform/dates/calendar.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { roleWords, strandWords } from "../commands/import-case-words.ts";
import type { ImportError } from "../commands/import-cases.ts";
import { hateStrands, type PartyRole } from "../domain/categories.ts";
import { type ConfiguredCategory, categoryIn, type SafetyConfiguration } from "../domain/configuration.ts";
import { homeByUprn, personById } from "../neighbours.ts";

// The rules of `kith import cases` one row at a time, as the import checked them before it moved to SQL
// (import-cases-sql.ts). Kept as the reference the SQL rules are tested against (import-cases.test.ts),
// so the two cannot drift apart. Format: docs/safety-import.md.

export type ParsedRow = {
  line: number;
  reference: string;
  openedOn: string;
  closedOn: string | null;
  category: ConfiguredCategory;
  subCategory: string | null;
  hateStrand: string | null;
  homeId: string | null;
  blockName: string | null;
  laCode: string | null;
  summary: string | null;
  outcome: string | null;
  parties: { ref: string; role: PartyRole; name: string; personId: string | null }[];
  reports: string[];
};

export async function parseRow(
  db: Db,
  actor: Actor,
  now: Date,
  line: number,
  cells: Record<string, string>,
  configuration: SafetyConfiguration,
  errors: ImportError[],
): Promise<ParsedRow | null> {
  const before = errors.length;
  const fail = (field: string, message: string) => errors.push({ line, field, message });
  const reference = cells.reference ?? "";
  if (!reference) fail("reference", "Enter the case reference");
  else if (reference.length > 50) fail("reference", "The case reference must be 50 characters or fewer");
  const openedOn = normaliseDay(cells.opened_on ?? "");
  if (!isRealDate(openedOn)) fail("opened_on", `"${openedOn}" is not a date in the form YYYY-MM-DD`);
  const closedOn = cells.closed_on ? normaliseDay(cells.closed_on) : null;
  if (closedOn !== null && !isRealDate(closedOn))
    fail("closed_on", `"${closedOn}" is not a date in the form YYYY-MM-DD`);
  else if (closedOn !== null && isRealDate(openedOn) && closedOn < openedOn)
    fail("closed_on", "The case closed before it opened");
  // Historic cases may carry a category the organisation has since retired.
  const category = categoryIn(configuration, cells.category ?? "");
  if (!category)
    fail("category", `"${cells.category}" is not a category (see docs/safety-import.md for the list)`);
  const hateStrand = cells.hate_strand
    ? (strandWords[cells.hate_strand.trim().toLowerCase()] ??
      cells.hate_strand.trim().toLowerCase().replace(/ /g, "-"))
    : null;
  if (hateStrand !== null && !(hateStrands as readonly string[]).includes(hateStrand)) {
    fail(
      "hate_strand",
      `"${cells.hate_strand}" is not a hate-incident strand: use ${hateStrands.join(", ")}, or leave it empty`,
    );
  }
  if (category?.code === "hate-incident" && hateStrand === null)
    fail("hate_strand", "A hate incident needs its strand");
  let homeId: string | null = null;
  let blockName: string | null = null;
  let laCode: string | null = cells.la_code ? cells.la_code.toUpperCase() : null;
  const uprn = (cells.uprn ?? "").replace(/^0+(?=\d)/, "");
  if (uprn) {
    if (!/^[0-9]{1,12}$/.test(uprn)) fail("uprn", `"${cells.uprn}" is not a UPRN (up to 12 digits)`);
    else {
      const home = await homeByUprn(db, actor.organisationId, uprn);
      if (!home) fail("uprn", `No home with UPRN ${uprn} in your organisation`);
      else {
        homeId = home.id;
        blockName = home.blockName;
        laCode = home.laCode;
      }
    }
  } else if (!laCode) fail("uprn", "Enter the home's UPRN (or, for a case not at a home, an la_code)");
  else if (!/^E0[6-9][0-9]{6}$/.test(laCode))
    fail("la_code", `"${laCode}" is not a local authority code, like E06000035`);
  const parties: ParsedRow["parties"] = [];
  for (const item of (cells.parties ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [ref = "", roleWord = "", ...nameParts] = item.split(":");
    const role = roleWords[roleWord.trim().toLowerCase()];
    if (!ref.trim()) fail("parties", `"${item}" has no person reference`);
    else if (!role)
      fail(
        "parties",
        `"${item}": "${roleWord}" is not a role (complainant, alleged-perpetrator, witness, household-member, agency)`,
      );
    else {
      const trimmed = ref.trim();
      const person = isUuid(trimmed) ? await personById(db, actor, trimmed, now) : undefined;
      const name = nameParts.join(":").trim() || person?.name || `Person ${trimmed}`;
      parties.push({ ref: trimmed, role, name, personId: person?.id ?? null });
    }
  }
  if (parties.length === 0 && !errors.some((e) => e.line === line && e.field === "parties")) {
    fail("parties", "A case needs at least one party, like P-1001:complainant");
  }
  const reports: string[] = [];
  for (const date of (cells.reports ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map(normaliseDay)) {
    if (!isRealDate(date)) fail("reports", `"${date}" is not a report date in the form YYYY-MM-DD`);
    else reports.push(date);
  }
  if (errors.length > before || !category) return null;
  return {
    line,
    reference,
    openedOn,
    closedOn,
    category,
    subCategory: cells.sub_category || null,
    hateStrand,
    homeId,
    blockName,
    laCode,
    summary: cells.summary || null,
    outcome: cells.outcome || null,
    parties,
    reports: reports.sort(),
  };
}

import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { csvColumns } from "../../../platform/imports/csv-columns.ts";
import {
  type CsvImportOptions,
  type CsvImportReport,
  importCsv,
} from "../../../platform/imports/csv-import.ts";
import { canEditPeople } from "../policy.ts";
import { personInput } from "./person-input.ts";

const columns: Record<string, string> = {
  given_name: "givenName",
  family_name: "familyName",
  date_of_birth: "dateOfBirth",
  email: "email",
  phone: "phone",
  address: "address",
  postcode: "postcode",
  person_type: "personType",
};
const personColumns = csvColumns(columns, ["given_name", "family_name", "person_type"]);

export async function importPeople(
  database: Database,
  actor: Actor,
  now: Date,
  file: string,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  requireAllowed(canEditPeople(actor), "Only officers can import people.");
  const homeByUprn = new Map<string, string>();
  const today = now.toISOString().slice(0, 10);
  const report = await importCsv(
    database,
    file,
    {
      requiredColumns: personColumns.requiredColumns,
      optionalColumns: [...personColumns.optionalColumns, "uprn"],
      async prepare(connection) {
        // Homes are looked up by UPRN through SQL on the import's own connection, scoped to this organisation.
        const homes = await connection.query<{ id: string; uprn: string }>(
          "SELECT id, uprn FROM home WHERE organisation_id = $1",
          [actor.organisationId],
        );
        for (const home of homes) homeByUprn.set(home.uprn, home.id);
      },
      parseRow(row) {
        // Bulk imports skip the interactive duplicate check (see docs/import-people.md).
        const extra: Record<string, unknown> = { confirmNotDuplicate: true };
        const uprn = (row.uprn ?? "").trim().replace(/^0+(?=\d)/, "");
        if (uprn) {
          const homeId = homeByUprn.get(uprn);
          if (!homeId) return { ok: false, reason: `uprn: no home with UPRN ${uprn}` };
          extra.homeId = homeId;
        }
        const parsed = personColumns.parse(personInput, row, extra);
        if (!parsed.ok) return parsed;
        if (parsed.value.dateOfBirth && parsed.value.dateOfBirth > today)
          return { ok: false, reason: "date_of_birth: must be in the past" };
        const { confirmNotDuplicate: _confirmed, ...value } = parsed.value;
        return { ok: true, value: { ...value, id: newId(now.getTime()) } };
      },
      async insertBatch(connection, rows) {
        const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
        await connection.query(
          `INSERT INTO person (organisation_id, created_at, id, given_name, family_name, date_of_birth, email, phone, home_id, address, postcode, person_type)
           SELECT $1, $2::timestamptz, * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[])`,
          [
            actor.organisationId,
            now.toISOString(),
            col("id"),
            col("givenName"),
            col("familyName"),
            col("dateOfBirth"),
            col("email"),
            col("phone"),
            col("homeId"),
            col("address"),
            col("postcode"),
            col("personType"),
          ],
        );
      },
    },
    options,
  );
  if (report.committed)
    await recordAudit(database.db, actor, now, {
      action: "create",
      entityType: "person-import",
      summary: `Imported ${report.imported} people`,
    });
  return report;
}

import { invalid } from "../../../platform/http/problem.ts";

/**
 * A linked record (partner, asset, person) that is missing or belongs to another organisation
 * fails the composite foreign key (organisation_id, id). Say so as a 422 instead of a 500.
 */
export async function withLinkedRecords<T>(
  work: () => Promise<T>,
  fields: Record<string, { field: string; message: string }>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "23503") throw error;
    const text = String(
      (error as { cause?: { detail?: string }; detail?: string }).detail ??
        (error as { cause?: { detail?: string } }).cause?.detail ??
        (error as Error).message,
    );
    // The detail names the column: Key (organisation_id, partner_id)=(…) is not present in table "…".
    const column = Object.keys(fields).find((name) => text.includes(`${name})`) || text.includes(`(${name}`));
    const match = column ? fields[column] : undefined;
    throw invalid(
      "Something this refers to does not exist.",
      match ? { [match.field]: match.message } : { form: "A linked record was not found" },
    );
  }
}

import { csvText } from "../../platform/exports/csv.ts";
import { xlsxWorkbook } from "../../platform/exports/xlsx.ts";

export type ExportTable = { name: string; head: string[]; rows: (string | number | null)[][] };

export function toCsv(table: ExportTable): string {
  return csvText([table.head, ...table.rows]);
}

export function toXlsx(table: ExportTable): Promise<Buffer> {
  return xlsxWorkbook([table]);
}

import ExcelJS from "exceljs";
import type { CsvCell } from "./csv.ts";

/** One worksheet: an optional bold title line, a bold heading row and the rows. */
export type XlsxSheet = {
  name: string;
  title?: string;
  head: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  /** Number formats by 1-based column, e.g. { 6: "£#,##0.00" } for a pounds column. */
  numberFormats?: Readonly<Record<number, string>>;
};

// Excel caps a sheet name at 31 characters and rejects the longer name.
const sheetNameLimit = 31;

/** An XLSX workbook with one sheet per entry; cells are written as values, never as formulas. */
export async function xlsxWorkbook(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kith";
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, sheetNameLimit));
    if (sheet.title !== undefined) worksheet.addRow([sheet.title]).font = { bold: true };
    worksheet.addRow([...sheet.head]).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(xlsxValue));
    for (const [column, format] of Object.entries(sheet.numberFormats ?? {}))
      worksheet.getColumn(Number(column)).numFmt = format;
    worksheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxValue(value: CsvCell): string | number | boolean | null {
  if (value === undefined) return null;
  return typeof value === "bigint" ? Number(value) : value;
}

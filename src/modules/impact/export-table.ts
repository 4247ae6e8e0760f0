import ExcelJS from "exceljs";

export type ExportTable = { name: string; head: string[]; rows: (string | number | null)[][] };

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix with ' (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(table: ExportTable): string {
  return `${[table.head, ...table.rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kith";
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.addRow(table.head).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

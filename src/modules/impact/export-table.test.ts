import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "./export-table.ts";

describe("table exports", () => {
  it("quotes commas and quotes, and defuses spreadsheet formulas", () => {
    const csv = toCsv({
      name: "T",
      head: ["name", "value"],
      rows: [
        ["Smith, Jo", 12],
        ['Say "hi"', null],
        ['=HYPERLINK("x")', -3],
      ],
    });
    expect(csv).toBe('name,value\r\n"Smith, Jo",12\r\n"Say ""hi""",\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });
  it("writes an XLSX workbook", async () => {
    const xlsx = await toXlsx({ name: "Trend", head: ["month", "sessions"], rows: [["2026-04", 12]] });
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });
});

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvLine, csvText, poundsFromPence } from "./csv.ts";
import { xlsxWorkbook } from "./xlsx.ts";

describe("CSV export rules", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    const cells = ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "plain", "a=b"];
    expect(csvLine(cells)).toBe(`'=SUM(A1),'+1,'-2,'@cmd,'\tx,"'\rx",plain,a=b\r\n`);
  });

  it("quotes cells holding commas, quotes and line breaks", () => {
    expect(csvText([["Smith, Jo", 'Say "hi"', "two\nlines", "cr\r\nlf"]])).toBe(
      '"Smith, Jo","Say ""hi""","two\nlines","cr\r\nlf"\r\n',
    );
  });

  it("writes numbers as numbers, negative ones without a prefix", () => {
    expect(csvLine([-3, 0, 12.5, -0.01, 10n])).toBe("-3,0,12.5,-0.01,10\r\n");
  });

  it("writes empty cells for null and undefined and words for booleans", () => {
    expect(csvLine([null, undefined, true, false, ""])).toBe(",,true,false,\r\n");
  });

  it("ends every line in CRLF", () => {
    expect(
      csvText([
        ["a", 1],
        ["b", 2],
      ]),
    ).toBe("a,1\r\nb,2\r\n");
  });

  it("turns pence into pounds as a number", () => {
    expect(poundsFromPence(-1234)).toBe(-12.34);
    expect(poundsFromPence(1005)).toBe(10.05);
    expect(csvLine([poundsFromPence(-1234), poundsFromPence(7)])).toBe("-12.34,0.07\r\n");
  });
});

describe("XLSX export", () => {
  it("writes a title, a heading row and the values, formulas as plain text", async () => {
    const buffer = await xlsxWorkbook([
      {
        name: "A sheet name far longer than thirty-one characters",
        title: "Report",
        head: ["a", "b"],
        rows: [["=1+1", -3]],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    // ExcelJS types its input as an ArrayBuffer; hand it a copy of the bytes as one.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toHaveLength(31);
    expect(sheet?.getRow(1).getCell(1).value).toBe("Report");
    expect(sheet?.getRow(2).getCell(2).value).toBe("b");
    expect(sheet?.getRow(3).getCell(1).value).toBe("=1+1");
    expect(sheet?.getRow(3).getCell(2).value).toBe(-3);
  });
});

import { describe, expect, it } from "vitest";
import { Problem } from "../http/problem.ts";
import { acceptAttribute, checkUploadedFile, describeKinds, type FileKind } from "./file-type.ts";
import { docx, pdf, xlsx, zipOf } from "./sample-files.ts";

const all: FileKind[] = ["pdf", "jpeg", "png", "docx", "xlsx"];

function refusal(name: string, bytes: Uint8Array, allowed = all): Problem {
  try {
    checkUploadedFile(name, bytes, { allowed, field: "document" });
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error("The file was accepted");
}

describe("checkUploadedFile", () => {
  it("accepts a PDF, a Word document and a spreadsheet by their content", () => {
    expect(checkUploadedFile("Accounts 2025.pdf", pdf, { allowed: all, field: "document" }).contentType).toBe(
      "application/pdf",
    );
    expect(checkUploadedFile("constitution.docx", docx, { allowed: all, field: "document" }).kind).toBe(
      "docx",
    );
    expect(checkUploadedFile("budget.XLSX", xlsx, { allowed: all, field: "document" }).kind).toBe("xlsx");
  });

  it("refuses a file whose content is not what its name says, naming the field", () => {
    const fake = refusal("letter.pdf", new TextEncoder().encode("MZ not a pdf"));
    expect(fake.status).toBe(422);
    expect(fake.fieldErrors?.document).toContain("(letter.pdf is not)");
    // A spreadsheet renamed as a Word document, and a plain zip, are both refused.
    expect(refusal("constitution.docx", xlsx).status).toBe(422);
    expect(refusal("archive.docx", zipOf({ "readme.txt": "hello" })).status).toBe(422);
  });

  it("refuses kinds the caller does not allow", () => {
    expect(refusal("song.mp3", new Uint8Array([0x49, 0x44, 0x33, 4])).fieldErrors?.document).toBe(
      "The selected file must be a PDF, JPG, PNG, Word document (DOCX) or Excel spreadsheet (XLSX) (song.mp3 is not)",
    );
    expect(refusal("constitution.docx", docx, ["pdf", "png"]).status).toBe(422);
  });

  it("refuses an empty file, a file over 10 MB (413) and an iPhone HEIC photo", () => {
    expect(refusal("empty.pdf", new Uint8Array()).fieldErrors?.document).toBe("The selected file is empty");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const large = refusal("huge.pdf", big);
    expect(large.status).toBe(413);
    expect(large.detail).toContain("must be smaller than 10 MB");
    const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypheic"), 0, 0, 0, 0]);
    expect(refusal("IMG_1.jpg", heic).fieldErrors?.document).toContain("iPhone HEIC photo");
  });

  it("describes the kinds and the accept hint", () => {
    expect(describeKinds(["pdf", "jpeg", "png", "mp3"])).toBe("PDF, JPG, PNG or MP3");
    expect(acceptAttribute(["pdf", "jpeg"])).toBe(".pdf,.jpg,.jpeg");
  });
});

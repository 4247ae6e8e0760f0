import { describe, expect, it } from "vitest";
import { composeLetter, defaultLetterTemplates, fillTemplate } from "./letter-templates.ts";

describe("letters", () => {
  it("carry the letterhead, the date in words and the recipient's name and address, one line each", () => {
    const text = composeLetter({
      organisationName: "Weald Homes",
      on: "2026-12-06",
      recipientName: "Ruth Ashby",
      recipientAddress: "12 Heron Court, Chatham, ME4 4QR",
      reference: "ASB-2026-000042",
      body: "Dear Ruth Ashby",
    });
    expect(text).toBe(
      "Weald Homes\nCommunity Safety Team\n\n6 December 2026\n\nRuth Ashby\n12 Heron Court\nChatham\nME4 4QR\n\nReference: ASB-2026-000042\n\nDear Ruth Ashby",
    );
    expect(text).not.toContain("2026-12-06");
  });

  it("print the organisation's postal address in the letterhead", () => {
    const text = composeLetter({
      organisationName: "Weald Homes",
      organisationAddress: ["Weald House", "2 Castle Street", "Chatham", "ME4 4TR"],
      on: "2026-12-06",
      recipientName: "Ruth Ashby",
      recipientAddress: "12 Heron Court",
      reference: "ASB-2026-000042",
      body: "Dear Ruth Ashby",
    });
    expect(
      text.startsWith(
        "Weald Homes\nCommunity Safety Team\nWeald House\n2 Castle Street\nChatham\nME4 4TR\n\n6 December 2026",
      ),
    ).toBe(true);
  });

  it("fill the date placeholder with the date in words when given it", () => {
    const warning = defaultLetterTemplates.find((t) => t.code === "warning")?.body ?? "";
    expect(fillTemplate(`${warning} {{date}}`, { date: "6 December 2026" })).toContain("6 December 2026");
  });
});

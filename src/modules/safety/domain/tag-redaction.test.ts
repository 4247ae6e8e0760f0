import { describe, expect, it } from "vitest";
import { personalDataTags } from "../../../platform/audit/personal-data.ts";
import "../schema.ts";
import { redactionTerms } from "./redaction.ts";
import { categoriesHeld, type TagSource, viewRow } from "./tag-redaction.ts";

// The tags in schema.ts decide what each viewer sees. These tests go through viewRow with the real
// registry and with a copy of it holding a test table, so no global state is changed.

const party = {
  id: "p1",
  role: "alleged-perpetrator",
  displayName: "Dora Quill",
  address: "4 Elm Row, ME1 1AA",
  contact: "dora@example.net",
  dateOfBirth: "1980-01-01",
  vulnerabilityNote: "Mental health",
  notes: "Convicted of assault",
};
const terms = redactionTerms([{ displayName: "Dora Quill", address: "4 Elm Row, ME1 1AA", contact: null }]);

describe("tag-driven redaction", () => {
  it("registers the safety tables with the platform registry using the platform categories", () => {
    const tags = personalDataTags();
    expect(tags.get("safety_party")?.vulnerabilityNote).toBe("special-category");
    expect(tags.get("safety_case")?.summary).toBe("criminal-offence");
    expect(categoriesHeld("safety_report")).toEqual(["personal", "special-category", "criminal-offence"]);
    expect(categoriesHeld("safety_action")).toEqual(["criminal-offence"]);
    expect(categoriesHeld("not_a_table")).toEqual([]);
  });

  it("removes every tagged column for a third party and keeps the untagged ones", () => {
    const seen = viewRow("safety_party", party, { kind: "third-party" });
    expect(seen).toEqual({ id: "p1", role: "alleged-perpetrator" });
  });

  it("shows a partner only the columns its shared parts unlock", () => {
    const namesOnly = viewRow("safety_party", party, {
      kind: "partner",
      parts: ["parties-names"],
      terms: [],
    });
    expect(namesOnly).toEqual({ id: "p1", role: "alleged-perpetrator", displayName: "Dora Quill" });
    const contact = viewRow("safety_party", party, {
      kind: "partner",
      parts: ["parties-contact", "risk"],
      terms: [],
    });
    expect(Object.keys(contact).sort()).toEqual(
      ["address", "contact", "dateOfBirth", "id", "role", "vulnerabilityNote"].sort(),
    );
    // Party notes are criminal-offence data no part unlocks.
    expect("notes" in contact).toBe(false);
  });

  it("redacts names and addresses in criminal-offence free text for the data subject and partners", () => {
    const entry = { id: "t1", title: "Visit", body: "Spoke to Dora Quill at 4 Elm Row" };
    expect(viewRow("safety_timeline_entry", entry, { kind: "data-subject", terms }).body).toBe(
      "Spoke to [redacted] at [redacted]",
    );
    expect(
      viewRow("safety_timeline_entry", entry, { kind: "partner", parts: ["timeline"], terms }).body,
    ).toBe("Spoke to [redacted] at [redacted]");
    expect("body" in viewRow("safety_timeline_entry", entry, { kind: "partner", parts: [], terms })).toBe(
      false,
    );
  });

  it("removes criminal-offence values that are not text, even for the data subject", () => {
    const action = { id: "a1", actionType: "warning", details: { notes: "To Dora Quill" } };
    expect(viewRow("safety_action", action, { kind: "data-subject", terms })).toEqual({
      id: "a1",
      actionType: "warning",
    });
  });

  it("follows a new tag: tagging a column of a test table changes what is redacted", () => {
    const row = { id: "w1", colour: "blue", note: "Left at Dora Quill's" };
    const before: TagSource = new Map([["test_widget", { note: "criminal-offence" as const }]]);
    expect(viewRow("test_widget", row, { kind: "third-party" }, before)).toEqual({
      id: "w1",
      colour: "blue",
    });
    const after: TagSource = new Map([
      ["test_widget", { note: "criminal-offence" as const, colour: "personal" as const }],
    ]);
    expect(viewRow("test_widget", row, { kind: "third-party" }, after)).toEqual({ id: "w1" });
    expect(viewRow("test_widget", row, { kind: "data-subject", terms }, after)).toEqual({
      id: "w1",
      colour: "blue",
      note: "Left at [redacted]'s",
    });
    // The global registry is untouched.
    expect(personalDataTags().has("test_widget")).toBe(false);
  });
});

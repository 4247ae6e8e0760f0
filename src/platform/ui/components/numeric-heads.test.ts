import { describe, expect, it } from "vitest";
import { numericHeads } from "./numeric-heads.ts";
import { table } from "./table.ts";

describe("numericHeads", () => {
  it("right-aligns each header it names and the cells beneath, leaving other columns as they are", () => {
    const markup = table({
      head: [{ text: "Fund" }, ...numericHeads("Budget", "Backers")],
      rows: [["Green", "£1,000.00", 12]],
    }).toString();
    expect(markup).toContain('<th scope="col" class="govuk-table__header">Fund</th>');
    expect(markup).toContain(
      '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Budget</th>',
    );
    expect(markup).toContain(
      '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Backers</th>',
    );
    expect(markup).toContain('<td class="govuk-table__cell">Green</td>');
    expect(markup).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">12</td>');
  });
});

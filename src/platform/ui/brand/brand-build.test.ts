// CI's check that the committed stylesheet and icons are what their sources build:
// a change to styles/, to the mark, or to govuk-frontend, MOJ Frontend or sass must be rebuilt
// (npm run build:css, npm run build:icons) and committed.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIcons, iconsFolder } from "./icons.ts";
import { compileStylesheet, sourcesHash, stylesheetFile } from "./stylesheet.ts";

describe("Kith's built brand assets", () => {
  it("has a stylesheet that is exactly what the Sass in styles/ compiles to", async () => {
    const committed = await readFile(stylesheetFile, "utf8");
    expect(committed.slice(0, 200)).toContain(`sources ${await sourcesHash()}.`);
    expect(committed === (await compileStylesheet())).toBe(true);
  }, 120_000);
  it("styles with the system font stack and Kith's colour, never GDS Transport or the crest", async () => {
    const css = await readFile(stylesheetFile, "utf8");
    expect(css).toContain('font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif');
    expect(css).toContain("--govuk-brand-colour: #00625e");
    expect(css).not.toMatch(/GDS Transport|@font-face|govuk-crest|\/assets\/fonts\/|GOV\.UK/);
    // MOJ components (sortable tables, timelines, badges) are in the same stylesheet.
    expect(css).toContain(".moj-timeline");
  });
  it("has icons that are exactly what the mark's drawing builds", async () => {
    for (const [name, bytes] of buildIcons()) {
      expect(Buffer.compare(await readFile(join(iconsFolder, name)), bytes), name).toBe(0);
    }
  }, 60_000);
});

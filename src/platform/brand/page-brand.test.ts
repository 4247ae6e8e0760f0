import { describe, expect, it } from "vitest";
import { publicAddressPatterns } from "./page-brand.ts";

describe("public addresses that name an organisation", () => {
  const patterns = publicAddressPatterns(({ id, slug }) => [
    { href: `/pb/${id}`, text: "Vote", description: "" },
    { href: `/grants/public/${slug}`, text: "Grants", description: "" },
    { href: `/grants/public/${slug}/register`, text: "Register", description: "" },
    { href: "/report", text: "Report", description: "" },
  ]);
  const named = (path: string) => patterns.map((pattern) => pattern.exec(path)?.[1]).find(Boolean);

  it("come from the modules' public links, one pattern per address prefix", () => {
    expect(patterns).toHaveLength(2);
  });
  it("find the id or slug in the address and in the pages beneath it", () => {
    expect(named("/pb/0192f0c2-aaaa-7bbb-8ccc-123456789abc/p1/vote")).toBe(
      "0192f0c2-aaaa-7bbb-8ccc-123456789abc",
    );
    expect(named("/grants/public/weald-homes-1a2b3c")).toBe("weald-homes-1a2b3c");
    expect(named("/grants/public/weald-homes-1a2b3c/register")).toBe("weald-homes-1a2b3c");
  });
  it("ignore addresses that name no organisation", () => {
    expect(named("/report")).toBeUndefined();
    expect(named("/grants/publicity")).toBeUndefined();
    expect(named("/pb")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { encodePng, rasteriseMark } from "../ui/brand/raster.ts";
import { checkLogo } from "./logo-check.ts";
import { checkSvg } from "./svg-check.ts";

const svg = (body: string, attributes = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${body}</svg>`;
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(text: string): string {
  const check = checkSvg(text);
  return check.ok ? "accepted" : check.reason;
}

describe("SVG logo check", () => {
  it("accepts a plain drawing with styles, gradients, comments and internal references", () => {
    const logo = svg(
      `<!-- made by hand --><defs><linearGradient id="g"><stop offset="0" stop-color="#123"/></linearGradient><style><![CDATA[.a{fill:url(#g)}]]></style></defs><title>Riverside &amp; Co</title><path class="a" d="M0 0h10v10z" fill="url(#g)"/><use href="#g"/>`,
    );
    expect(refusal(logo)).toBe("accepted");
    expect(checkLogo(bytes(logo))).toEqual({ ok: true, contentType: "image/svg+xml" });
  });
  it("refuses a script element, however it is written", () => {
    expect(refusal(svg("<script>alert(1)</script>"))).toBe("a <script> element");
    expect(refusal(svg("<SCRIPT>alert(1)</SCRIPT>"))).toBe("a <SCRIPT> element");
    expect(
      refusal(svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>')),
    ).toBe("a <html:script> element");
  });
  it("refuses event handlers", () => {
    expect(refusal(svg("", ' onload="alert(1)"'))).toBe("an event handler (onload) on <svg>");
    expect(refusal(svg('<rect onclick = "x()"/>'))).toMatch(/event handler \(onclick\)/);
  });
  it("refuses foreignObject, embedded images and links", () => {
    expect(refusal(svg("<foreignObject><div/></foreignObject>"))).toBe("a <foreignObject> element");
    expect(refusal(svg('<image href="https://example.com/x.png"/>'))).toBe("a <image> element");
    expect(refusal(svg('<a href="https://example.com"><rect/></a>'))).toBe("a <a> element");
  });
  it("refuses external references in href, url() and style sheets", () => {
    expect(refusal(svg('<use href="https://example.com/sprite.svg#a"/>'))).toMatch(
      /reference to another file/,
    );
    expect(refusal(svg('<use xlink:href="other.svg#a"/>'))).toMatch(/reference to another file/);
    expect(refusal(svg('<rect fill="url(https://example.com/p.svg#x)"/>'))).toMatch(
      /reference to another file/,
    );
    expect(refusal(svg("<style>@import url(https://example.com/a.css);</style>"))).toMatch(/import/);
    expect(refusal(svg("<rect style=\"fill: url( 'https://x' )\"/>"))).toMatch(/reference to another file/);
  });
  it("refuses script links hidden by entities or whitespace", () => {
    expect(refusal(svg('<use href="&#106;avascript:alert(1)"/>'))).toMatch(/reference to another file/);
    expect(refusal(svg('<rect style="background:url(java&#x09;script:alert(1))"/>'))).toMatch(/script link/);
  });
  it("refuses DOCTYPEs and entities (which can expand without limit), and anything it cannot read", () => {
    expect(refusal(`<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg("&a;")}`)).toBe(
      "a DOCTYPE or entity declaration",
    );
    expect(refusal(svg("<rect>&a;</rect>"))).toBe("an unknown entity in the text");
    expect(refusal(svg("<rect fill='red' <script>"))).toMatch(/cannot be read/);
    expect(refusal(svg("<g><rect/>"))).toMatch(/does not match|never closed/);
    expect(refusal(`${svg("")}<svg></svg>`)).toBe("content that is not a single <svg> element");
    expect(refusal(`<?xml-stylesheet href="x.css"?>${svg("")}`)).toBe("a processing instruction");
  });
});

describe("logo check", () => {
  it("accepts a PNG by its signature and header", () => {
    const png = encodePng(8, rasteriseMark(8, "#00625e", "#ffffff"));
    expect(checkLogo(png)).toEqual({ ok: true, contentType: "image/png" });
  });
  it("refuses a PNG larger than 4000 pixels a side, saying how big it is", () => {
    const png = encodePng(8, rasteriseMark(8, "#00625e", "#ffffff"));
    png.writeUInt32BE(5000, 16);
    const check = checkLogo(png);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain("5000 × 8 pixels");
  });
  it("refuses files that are neither SVG nor PNG, empty files and files over 512 KB", () => {
    expect(checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({
      ok: false,
      message: "The logo must be an SVG or PNG file",
    });
    expect(checkLogo(bytes("GIF89a"))).toMatchObject({ ok: false });
    expect(checkLogo(new Uint8Array())).toMatchObject({
      ok: false,
      message: "Choose a logo file (SVG or PNG)",
    });
    expect(checkLogo(new Uint8Array(600 * 1024))).toMatchObject({
      ok: false,
      message: expect.stringContaining("512 KB"),
    });
  });
  it("says why an SVG was refused", () => {
    expect(checkLogo(bytes(svg("<script>alert(1)</script>")))).toEqual({
      ok: false,
      message: "The SVG logo was refused because it contains a <script> element",
    });
  });
});

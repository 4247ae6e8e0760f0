// Checks an uploaded SVG logo and refuses anything that could run code or fetch from
// elsewhere. We refuse rather than clean: a logo that needs cleaning is sent back, and what
// we store is exactly what was checked. The tokenizer is strict on purpose: anything it
// cannot read with certainty is refused, so a browser can never parse something we did not.

/** Elements that run script, embed other documents, load external content or animate attributes. */
const refusedElements = new Set([
  "script",
  "foreignobject",
  "iframe",
  "embed",
  "object",
  "image",
  "feimage",
  "a",
  "animate",
  "animatemotion",
  "animatetransform",
  "set",
  "handler",
  "listener",
  "link",
  "meta",
  "base",
]);

const namePattern = /^[A-Za-z_][\w.:-]*/;
const attributePattern = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')/;
const entityPattern = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function localName(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1).toLowerCase();
}

/** Decodes the five XML entities and character references; undefined if any other `&` appears. */
function decodeEntities(text: string): string | undefined {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.test(text)) return undefined;
  return text.replace(entityPattern, (_, named: string, decimal: string, hex: string) =>
    named ? namedEntities[named] : String.fromCodePoint(Number.parseInt(decimal ?? hex, decimal ? 10 : 16)),
  );
}

/** What makes text (an attribute value or style sheet) unsafe; undefined when it is safe. */
function unsafeContent(text: string): string | undefined {
  // Browsers ignore whitespace and control characters inside "java\tscript:", so we do too.
  const squashed = [...text]
    .filter((character) => character.charCodeAt(0) > 32 && !/\s/.test(character))
    .join("")
    .toLowerCase();
  if (squashed.includes("javascript:") || squashed.includes("vbscript:")) return "a script link";
  if (squashed.includes("@import")) return "a style sheet import";
  if (squashed.includes("expression(")) return "a script expression";
  for (const match of squashed.matchAll(/url\(([^)]*)\)/g)) {
    if (!match[1].replace(/^['"]/, "").startsWith("#")) return "a reference to another file";
  }
  return undefined;
}

function checkAttribute(element: string, name: string, rawValue: string): string | undefined {
  const value = decodeEntities(rawValue);
  if (value === undefined) return `an unknown entity in the ${name} attribute of <${element}>`;
  const local = localName(name);
  if (local.startsWith("on")) return `an event handler (${name}) on <${element}>`;
  if (local === "href" || local === "src" || name.toLowerCase() === "xml:base") {
    if (!value.trim().startsWith("#")) return `a reference to another file (${name}) on <${element}>`;
  }
  const unsafe = unsafeContent(value);
  return unsafe ? `${unsafe} in the ${name} attribute of <${element}>` : undefined;
}

export type SvgCheck = { ok: true } | { ok: false; reason: string };

/** Whether `text` is an SVG document that is safe to show as a logo. */
export function checkSvg(text: string): SvgCheck {
  const refuse = (reason: string): SvgCheck => ({ ok: false, reason });
  const open: string[] = [];
  let sawRoot = false;
  let position = 0;
  const declaration = /^\uFEFF?\s*<\?xml\s[^?<>]*\?>/.exec(text);
  if (declaration) position = declaration[0].length;
  while (position < text.length) {
    const next = text.indexOf("<", position);
    const between = text.slice(position, next === -1 ? text.length : next);
    if (between.trim() !== "") {
      if (open.length === 0) return refuse("text outside the <svg> element");
      const decoded = decodeEntities(between);
      if (decoded === undefined) return refuse("an unknown entity in the text");
      const unsafe = localName(open.at(-1) ?? "") === "style" ? unsafeContent(decoded) : undefined;
      if (unsafe) return refuse(`${unsafe} in a <style> element`);
    }
    if (next === -1) break;
    const rest = text.slice(next);
    if (rest.startsWith("<!--")) {
      const end = text.indexOf("-->", next + 4);
      if (end === -1) return refuse("a comment that never ends");
      position = end + 3;
    } else if (rest.startsWith("<![CDATA[")) {
      const end = text.indexOf("]]>", next);
      if (end === -1 || open.length === 0) return refuse("a CDATA section outside the drawing");
      const unsafe = unsafeContent(text.slice(next + 9, end));
      if (unsafe) return refuse(`${unsafe} in a CDATA section`);
      position = end + 3;
    } else if (rest.startsWith("<!")) {
      return refuse("a DOCTYPE or entity declaration");
    } else if (rest.startsWith("<?")) {
      return refuse("a processing instruction");
    } else if (rest.startsWith("</")) {
      const match = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(rest);
      if (!match || match[1] !== open.at(-1)) return refuse("a closing tag that does not match");
      open.pop();
      position = next + match[0].length;
    } else {
      const name = namePattern.exec(rest.slice(1))?.[0];
      if (!name) return refuse("a tag that cannot be read");
      if (open.length === 0) {
        if (sawRoot || localName(name) !== "svg") return refuse("content that is not a single <svg> element");
        sawRoot = true;
      }
      if (refusedElements.has(localName(name))) return refuse(`a <${name}> element`);
      let cursor = next + 1 + name.length;
      for (;;) {
        const attribute = attributePattern.exec(text.slice(cursor));
        if (!attribute) break;
        const problem = checkAttribute(name, attribute[1], attribute[2].slice(1, -1));
        if (problem) return refuse(problem);
        cursor += attribute[0].length;
      }
      const end = /^\s*(\/?)>/.exec(text.slice(cursor));
      if (!end) return refuse(`a <${name}> tag that cannot be read`);
      if (end[1] !== "/") open.push(name);
      position = cursor + end[0].length;
    }
  }
  if (!sawRoot) return refuse("no <svg> element");
  if (open.length > 0) return refuse(`a <${open.at(-1)}> element that is never closed`);
  return { ok: true };
}

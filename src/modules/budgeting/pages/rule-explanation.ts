// The plain-English rule explanations live once, in docs/pb-rules.md; the results page
// shows the section for the rule that was used, so the two can never disagree.
import { readFileSync } from "node:fs";
import { html, type SafeHtml } from "../../../platform/ui/index.ts";
import type { PbProcess } from "../schema.ts";

let sections: Map<string, string> | undefined;

function loadSections(): Map<string, string> {
  if (sections) return sections;
  sections = new Map();
  try {
    const text = readFileSync(new URL("../../../../docs/pb-rules.md", import.meta.url), "utf8");
    for (const part of text.split(/^#{2,3} /m).slice(1)) {
      const newline = part.indexOf("\n");
      sections.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
    }
  } catch {
    // A missing docs folder (a trimmed deployment) leaves the page without the explanation, not broken.
  }
  return sections;
}

function markdownLite(text: string): SafeHtml {
  const plain = (s: string) =>
    s
      .replace(/\*\*?([^*]+)\*\*?/g, "$1")
      .replace(/\s+/g, " ")
      .trim();
  return html`${text.split(/\n\s*\n/).map((block) => {
    const lines = block.split("\n");
    if (lines[0].startsWith("- ")) {
      const items = block.split(/\n(?=- )/).map((item) => plain(item.slice(2)));
      return html`<ul class="govuk-list govuk-list--bullet">${items.map((i) => html`<li>${i}</li>`)}</ul>`;
    }
    return html`<p class="govuk-body">${plain(block)}</p>`;
  })}`;
}

export function ruleExplanation(process: Pick<PbProcess, "rule" | "ballotKind">): SafeHtml {
  const all = loadSections();
  const wanted =
    process.ballotKind === "cumulative" || process.rule === "greedy"
      ? ["Greedy (most votes first)"]
      : process.rule === "mes"
        ? ["Method of Equal Shares (MES)", "Completing Equal Shares: what happens to leftover money"]
        : ["Sequential Phragmén"];
  return html`${wanted.map((name) => {
    const body = all.get(name);
    return body ? html`<h3 class="govuk-heading-s">${name}</h3>${markdownLite(body)}` : "";
  })}${all.get("Ties") ? html`<h3 class="govuk-heading-s">Ties</h3>${markdownLite(all.get("Ties") ?? "")}` : ""}`;
}

import { html, type SafeHtml } from "../html.ts";
import { joinClasses } from "./form-parts.ts";

/** govuk-frontend 6 tag colours; blue is the default and has no modifier class. */
export type TagColour =
  | "blue"
  | "grey"
  | "green"
  | "turquoise"
  | "teal"
  | "purple"
  | "magenta"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

export function tag(text: string, colour: TagColour = "blue", classes?: string): SafeHtml {
  return html`<strong class="${joinClasses("govuk-tag", colour !== "blue" && `govuk-tag--${colour}`, classes)}">${text}</strong>`;
}

export type BadgeColour =
  | "default"
  | "blue"
  | "green"
  | "grey"
  | "purple"
  | "bright-purple"
  | "red"
  | "black";

/** MOJ badge, for counts and short flags beside a heading or in a table (e.g. "Urgent"). */
export function badge(
  text: string,
  options: { colour?: BadgeColour; large?: boolean; classes?: string } = {},
): SafeHtml {
  const colour = options.colour ?? "default";
  return html`<span class="${joinClasses("moj-badge", colour !== "default" && `moj-badge--${colour}`, options.large && "moj-badge--large", options.classes)}">${text}</span>`;
}

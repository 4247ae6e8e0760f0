import { formatDate } from "../../../platform/ui/format.ts";

// Letter templates the organisation can edit. {{placeholders}} are filled from the case and the
// recipient; any other text in braces is left as it is, so a typo shows on the draft, not as a crash.

export type LetterTemplate = { code: string; name: string; body: string };

export const defaultLetterTemplates: LetterTemplate[] = [
  {
    code: "acknowledgement",
    name: "Acknowledgement to the complainant",
    body: "Dear {{recipientName}}\n\nThank you for reporting your concerns to us. Your case reference is {{reference}}.\n\n{{officerName}} is looking into what you told us and will contact you within 5 working days to agree an action plan with you.\n\nIf you are in immediate danger, call 999.\n\nYours sincerely\n\n{{officerName}}\nCommunity Safety Team, {{organisationName}}",
  },
  {
    code: "warning",
    name: "Warning to the alleged perpetrator",
    body: "Dear {{recipientName}}\n\nWe have received reports of behaviour at or near {{address}} that may breach your tenancy agreement ({{category}}).\n\nThis letter is a formal warning. If the behaviour continues we may take further action, which can include an injunction or possession proceedings.\n\nPlease contact {{officerName}} quoting reference {{reference}} if you want to discuss this.\n\nYours sincerely\n\n{{officerName}}\nCommunity Safety Team, {{organisationName}}",
  },
  {
    code: "abc-invite",
    name: "Invitation to agree an acceptable behaviour agreement",
    body: "Dear {{recipientName}}\n\nWe would like to meet you to agree an acceptable behaviour agreement about recent reports ({{category}}, reference {{reference}}).\n\nAn agreement is voluntary, but if it is not kept we may take legal action.\n\nYours sincerely\n\n{{officerName}}\nCommunity Safety Team, {{organisationName}}",
  },
  {
    code: "no-access-first",
    name: "First letter: access needed for a safety check",
    body: "Dear {{recipientName}}\n\nWe need to get into {{address}} to carry out a legally required safety check. Please call us to book an appointment, quoting reference {{reference}}.\n\nThe check keeps you and your neighbours safe.\n\nYours sincerely\n\n{{officerName}}\n{{organisationName}}",
  },
];

export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The whole letter: the letterhead, the date in words ("6 December 2026"), the recipient's name and
 * address one line each, the reference, then the filled template.
 */
export function composeLetter(parts: {
  organisationName: string;
  /** The organisation's postal address, one line each (admin brand settings); empty when not set. */
  organisationAddress?: string[];
  on: string;
  recipientName: string;
  recipientAddress: string;
  reference: string;
  body: string;
}): string {
  const address = parts.recipientAddress
    .split(",")
    .map((line) => line.trim())
    .filter(Boolean);
  return [
    [parts.organisationName, "Community Safety Team", ...(parts.organisationAddress ?? [])]
      .filter(Boolean)
      .join("\n"),
    formatDate(parts.on),
    [parts.recipientName, ...address].join("\n"),
    `Reference: ${parts.reference}`,
    parts.body,
  ].join("\n\n");
}

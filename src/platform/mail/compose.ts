import { brandSignature, type OrganisationBrand, storedBrandColour } from "../brand/index.ts";
import { escapeHtml } from "../ui/index.ts";

/** What an email shows of its organisation's brand: the name, the colour, and the contact lines. */
export type MailBrand = {
  /** The name residents know the organisation by. */
  name: string;
  /** "#rrggbb", or null for no coloured band. */
  colour: string | null;
  /** brandSignature(): the name and contact lines, one a line. */
  signature: string;
};

export function mailBrand(brand: OrganisationBrand): MailBrand {
  return { name: brand.name, colour: brand.colour, signature: brandSignature(brand) };
}

/** What the mail worker reads for one message: the outbox row and its organisation's sender settings. */
export type QueuedMail = {
  organisationId: string;
  id: string;
  recipient: string;
  subject: string;
  body: string;
  reason: string | null;
  organisationName: string;
  /** The organisation's brand; without one, the email carries only the organisation's name. */
  brand?: MailBrand;
  senderName: string | null;
  senderAddress: string | null;
};

export type OutgoingMail = {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a receiving server or a person can tell a resend from a new message. */
  messageId: string;
};

/** The footer when the code that queued the email gave no reason of its own. */
export function defaultReason(organisationName: string): string {
  return `You got this email because you have an account with ${organisationName} on Kith, or ${organisationName} holds your contact details.`;
}

const urlPattern = /https?:\/\/[^\s<>"]+/g;

/** Escapes the text and turns web addresses into links: reset and voting links must be one click. */
function linkedParagraph(text: string, linkClass: string | undefined): string {
  const classAttribute = linkClass ? ` class="${escapeHtml(linkClass)}"` : "";
  let out = "";
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const index = match.index ?? 0;
    out += escapeHtml(text.slice(last, index));
    const url = escapeHtml(match[0]);
    out += `<a${classAttribute} href="${url}">${url}</a>`;
    last = index + match[0].length;
  }
  return (out + escapeHtml(text.slice(last))).replaceAll("\n", "<br>\n");
}

/** Plain text as HTML paragraphs with working links: the email's HTML part, and the preview page. */
export function paragraphsHtml(text: string, classes: { paragraph?: string; link?: string } = {}): string {
  const open = classes.paragraph ? `<p class="${escapeHtml(classes.paragraph)}">` : "<p>";
  return text
    .trim()
    .split(/\n{2,}/)
    .map((part) => `${open}${linkedParagraph(part, classes.link)}</p>`)
    .join("\n");
}

/**
 * Builds the email as sent: the plain-text body from the outbox, the same words as HTML, the
 * organisation's name, and a footer saying why the recipient got it. The preview page shows
 * this too, so what a demo user reads is what a real recipient would get.
 */
export function composeMail(message: QueuedMail, defaultSenderAddress: string): OutgoingMail {
  const brand = message.brand ?? {
    name: message.organisationName,
    colour: null,
    signature: message.organisationName,
  };
  const organisation = brand.name;
  const reason = message.reason ?? defaultReason(organisation);
  // KITH_MAIL_FROM may be "Name <address>": the name shown is always the organisation's own.
  const address =
    message.senderAddress ?? /<([^<>]+)>/.exec(defaultSenderAddress)?.[1]?.trim() ?? defaultSenderAddress;
  const domain = address.split("@")[1] ?? "kith.invalid";
  // Mail clients drop <style> and ignore page CSP: inline styles are the only way to show the colour.
  const colour = storedBrandColour(brand.colour);
  const band = colour ? ` style="border-top:8px solid ${colour};padding-top:8px"` : "";
  return {
    from: { name: message.senderName ?? organisation, address },
    to: message.recipient,
    subject: message.subject,
    text: `${message.body}\n\n-- \n${brand.signature}\n\n${reason}\n`,
    html: `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>
<body>
<p${band}><strong>${escapeHtml(organisation)}</strong></p>
${paragraphsHtml(message.body)}
<hr>
${paragraphsHtml(brand.signature)}
<p><small>${escapeHtml(reason)}</small></p>
</body></html>
`,
    messageId: `<${message.id}@${domain}>`,
  };
}

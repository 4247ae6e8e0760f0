// Money typed by people ("£1,250", "1250.50") becomes integer pence; anything else is refused.

export function parsePounds(input: string): number | null {
  const text = input.trim().replace(/^£\s*/, "").replace(/,/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ""] = text.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const symbols: Record<string, string> = { GBP: "£", EUR: "€", USD: "$" };

/** Pence (or other minor units) as money in the process's currency, pennies shown only when present. */
export function formatMoney(minor: number, currency = "GBP"): string {
  const major = minor / 100;
  const digits = minor % 100 === 0 ? 0 : 2;
  const text = major.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: 2 });
  const symbol = symbols[currency];
  return symbol ? `${symbol}${text}` : `${text} ${currency}`;
}

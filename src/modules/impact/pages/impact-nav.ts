import { subNavigation } from "../../../platform/ui/index.ts";

export function impactNav(current: string) {
  const items = [
    { href: "/impact", text: "Dashboard" },
    { href: "/impact/social-value", text: "Social value" },
    { href: "/impact/report", text: "Annual report" },
    { href: "/impact/assets", text: "Assets and groups" },
    { href: "/impact/value-bank", text: "Value bank" },
  ];
  return subNavigation(
    items.map((item) => ({ ...item, current: item.href === current })),
    "Impact",
  );
}

/** The period in the query string, or the last 12 months to today. */
export function periodFrom(
  query: Record<string, string>,
  today: string,
): { from: string; to: string; error?: string } {
  const valid = (v: string | undefined) =>
    Boolean(
      v &&
        /^\d{4}-\d{2}-\d{2}$/.test(v) &&
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    );
  const [y, m, d] = today.split("-").map(Number);
  const defaultFrom = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
  const from = valid(query.from) ? query.from : defaultFrom;
  const to = valid(query.to) ? query.to : today;
  if ((query.from && !valid(query.from)) || (query.to && !valid(query.to)))
    return { from, to, error: "Enter dates like 2026-04-01; showing the last 12 months instead." };
  if (to < from)
    return {
      from: defaultFrom,
      to: today,
      error: "The end date was before the start date; showing the last 12 months instead.",
    };
  return { from, to };
}

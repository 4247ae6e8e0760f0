import { subNavigation } from "../../../platform/ui/index.ts";

export function investmentNav(current: string) {
  const items = [
    { href: "/investment", text: "Projects and services" },
    { href: "/investment/sessions", text: "Sessions" },
    { href: "/investment/participants", text: "Participants" },
    { href: "/investment/follow-ups", text: "Follow-ups" },
    { href: "/investment/strategy", text: "Strategy" },
  ];
  return subNavigation(
    items.map((item) => ({ ...item, current: item.href === current })),
    "Community investment",
  );
}

import { subNavigation } from "../../../platform/ui/index.ts";

const sections = [
  { href: "/places/homes", text: "Homes" },
  { href: "/places/neighbourhoods", text: "Neighbourhoods" },
  { href: "/places/local-authorities", text: "Local authorities" },
  { href: "/places/assets", text: "Community assets" },
];

export function placesNav(current: string) {
  return subNavigation(
    sections.map((section) => ({ ...section, current: current.startsWith(section.href) })),
    "Places",
  );
}

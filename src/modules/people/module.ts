import { isStaff } from "../../platform/access/policy.ts";
import type { KithModule } from "../module.ts";
import { peopleApi } from "./api.ts";
import { peopleCli } from "./cli.ts";
import { peoplePages } from "./pages/routes.ts";
import { seedPeople } from "./seed.ts";

export const peopleModule: KithModule = {
  name: "people",
  navigation: [{ href: "/people", text: "People", group: "Places and people", visibleTo: isStaff }],
  pages: peoplePages(),
  api: peopleApi(),
  cli: peopleCli,
  seed: seedPeople,
};

import { isStaff } from "../../platform/access/policy.ts";
import type { KithModule } from "../module.ts";
import { placesApi } from "./api.ts";
import { placesCli } from "./cli.ts";
import { placesPages } from "./pages/routes.ts";
import { seedPlaces } from "./seed.ts";

export const placesModule: KithModule = {
  name: "places",
  navigation: [{ href: "/places", text: "Places", group: "Places and people", visibleTo: isStaff }],
  pages: placesPages(),
  api: placesApi(),
  cli: placesCli,
  seed: seedPlaces,
};

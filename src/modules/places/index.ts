// What other modules may use from places: commands and queries only.
export { createCommunityAsset } from "./commands/create-asset.ts";
export { createHome } from "./commands/create-home.ts";
export { importHomes } from "./commands/import-homes.ts";
export { overridePriority, setPriorityRule } from "./commands/priority-rule.ts";
export { updateHome } from "./commands/update-home.ts";
export {
  type AddressKinds,
  type AddressSearch,
  addressChoiceFields,
  parseAddressChoice,
  runAddressSearch,
} from "./pages/address-choice.ts";
export { type DistrictCountMap, districtCountMap } from "./pages/district-count-map.ts";
export { type LocatorPlace, locatorMap } from "./pages/locator-map.ts";
export {
  homesByLocalAuthority,
  isPriorityLsoa,
  listNeighbourhoods,
  listOrganisationAreas,
  listPriorityNeighbourhoods,
  type PriorityNeighbourhood,
} from "./queries/areas.ts";
export {
  getCommunityAsset,
  listCommunityAssets,
  listCommunityAssetsOfOrganisation,
} from "./queries/assets.ts";
export {
  boundarySource,
  districtBoundaries,
  lsoaBoundariesInDistricts,
  lsoaBoundary,
} from "./queries/district-boundaries.ts";
export {
  findHomeByUprn,
  getHome,
  type HomeAndAuthorityRow,
  homeAndAuthorityColumns,
  homeAndAuthorityFrom,
} from "./queries/get-home.ts";
export { homeAddresses } from "./queries/home-addresses.ts";
export { type HomeArea, homeAreas } from "./queries/home-areas.ts";
export { listHomes, listHomesForSeed } from "./queries/list-homes.ts";
export { type PlaceStock, placeStock } from "./queries/place-profile.ts";
export { getLsoa, type LsoaName, listLocalAuthorities, lsoaNames } from "./queries/reference.ts";
export {
  type AddressMatch,
  escapeLike,
  minSearchLength,
  searchAddresses,
  searchWords,
} from "./queries/search-addresses.ts";
export {
  type BlockStock,
  type NeighbourhoodStock,
  tsmStockByBlock,
  tsmStockByLocalAuthority,
  tsmStockByNeighbourhood,
} from "./queries/tsm-stock.ts";
export type { AssetType, CommunityAsset, Home, ImdEdition, Tenure, TsmStockCategory } from "./schema.ts";
export { assetTypes, imdEditions, relevantTsmStock, tenures, tsmStockCategories } from "./schema.ts";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DirectoryFixture,
  directoryFixture,
  expectValid,
  type OrukValidators,
  orukValidators,
} from "./openreferral-fixture.ts";

// The Open Referral UK 3.0 endpoints; every response is validated against the ORUK schemas.
let fixture: DirectoryFixture;
let app: DirectoryFixture["app"];
let projectId: string;
let validators: OrukValidators;

beforeAll(async () => {
  fixture = await directoryFixture();
  ({ app, projectId } = fixture);
  validators = await orukValidators();
});
afterAll(async () => fixture.database.close());

describe("Open Referral UK directory", () => {
  it("lists active services only, each valid against the ORUK service schema", async () => {
    const response = await app.request("/openreferral/services");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { contents: Record<string, unknown>[]; total_items: number };
    expectValid(validators.page, body);
    expect(body.total_items).toBe(1);
    expect(body.contents[0].name).toBe("Chatham Lunch Club");
    for (const service of body.contents) expectValid(validators.service, service);
    // The validator really checks: a made-up status and a non-UUID id are refused.
    expect(validators.service({ id: "not-a-uuid", name: "x", status: "open" })).toBe(false);
  });

  it("gives one service with its location and theme, valid against the schema", async () => {
    const response = await app.request(`/openreferral/services/${projectId}`);
    const service = (await response.json()) as {
      service_at_locations: { location: { name: string } }[];
      attributes: { taxonomy_term: { name: string } }[];
    };
    expectValid(validators.service, service);
    expect(service.service_at_locations[0].location.name).toBe("Luton Road Hall");
    expect(service.attributes[0].taxonomy_term.name).toBe("Wellbeing");
  });

  it("lists services at locations and taxonomies, valid against the schemas", async () => {
    const sal = (await (await app.request("/openreferral/service_at_locations")).json()) as {
      contents: unknown[];
    };
    expectValid(validators.page, sal);
    expect(sal.contents).toHaveLength(1);
    for (const item of sal.contents) expectValid(validators.serviceAtLocationList, item);
    const taxonomies = (await (await app.request("/openreferral/taxonomies")).json()) as {
      contents: unknown[];
    };
    for (const item of taxonomies.contents) expectValid(validators.taxonomy, item);
  });

  it("gives every ORUK 3.0 endpoint: one taxonomy, the terms, one term, one service at a location", async () => {
    const json = async (path: string) => {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      return (await response.json()) as Record<string, unknown> & { contents: Record<string, string>[] };
    };
    const [taxonomy] = (await json("/openreferral/taxonomies")).contents;
    expectValid(validators.taxonomy, await json(`/openreferral/taxonomies/${taxonomy.id}`));
    const terms = await json("/openreferral/taxonomy_terms");
    expectValid(validators.page, terms);
    expect(terms.contents.map((term) => term.name)).toContain("Wellbeing");
    for (const term of terms.contents) expectValid(validators.taxonomyTerm, term);
    const wellbeing = terms.contents.find((term) => term.name === "Wellbeing");
    expectValid(validators.taxonomyTerm, await json(`/openreferral/taxonomy_terms/${wellbeing?.id}`));
    const [link] = (await json("/openreferral/service_at_locations")).contents;
    const one = await json(`/openreferral/service_at_locations/${link.id}`);
    expectValid(validators.serviceAtLocation, one);
    expect((one.service as { name: string }).name).toBe("Chatham Lunch Club");
    for (const missing of ["taxonomies", "taxonomy_terms", "service_at_locations"])
      expect(
        (await app.request(`/openreferral/${missing}/00000000-0000-4000-8000-000000000000`)).status,
      ).toBe(404);
  });

  it("filters by taxonomy term, taxonomy, text and modified-since, and refuses a bad date", async () => {
    const count = async (query: string) =>
      ((await (await app.request(`/openreferral/services?${query}`)).json()) as { total_items: number })
        .total_items;
    const terms = (await (await app.request("/openreferral/taxonomy_terms")).json()) as {
      contents: { id: string; name: string; taxonomy_id: string }[];
    };
    const wellbeing = terms.contents.find((term) => term.name === "Wellbeing");
    expect(await count(`taxonomy_term_id=${wellbeing?.id}`)).toBe(1); // the lunch club's theme
    expect(await count("taxonomy_term_id=00000000-0000-4000-8000-000000000000")).toBe(0);
    expect(await count(`taxonomy_id=${terms.contents[0].taxonomy_id}`)).toBe(1);
    expect(await count("taxonomy_id=00000000-0000-4000-8000-000000000000")).toBe(0);
    expect(await count("modified_after=2000-01-01")).toBe(1);
    expect(await count("modified_after=2999-01-01")).toBe(0);
    expect(await count("search=lunch")).toBe(1);
    expect(await count("search=bowling")).toBe(0);
    expect((await app.request("/openreferral/services?modified_after=yesterday")).status).toBe(400);
  });

  it("answers a page past the last with a 404, and page 1 of nothing with an empty page", async () => {
    expect((await app.request("/openreferral/services?page=2")).status).toBe(404);
    const empty = await app.request("/openreferral/services?search=bowling");
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({
      total_items: 0,
      total_pages: 1,
      empty: true,
      last_page: true,
    });
  });

  it("answers an unknown service with a 404 problem and a bad page with a 400", async () => {
    const missing = await app.request("/openreferral/services/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect((await app.request("/openreferral/services?page=0")).status).toBe(400);
  });
});

import { describe, expect, it } from "vitest";
import { lifeRole } from "./life-model.ts";

describe("LIFE decision matrix", () => {
  it("exits when there is no genuine need, whatever else is true", () => {
    expect(lifeRole({ need: "no", bestPlaced: "yes", canResource: "yes" })).toBe("exit");
  });
  it("leads when there is a need, we are best placed and can resource it", () => {
    expect(lifeRole({ need: "yes", bestPlaced: "yes", canResource: "yes" })).toBe("lead");
    expect(lifeRole({ need: "partly", bestPlaced: "yes", canResource: "yes" })).toBe("lead");
  });
  it("influences when best placed but short of resources", () => {
    expect(lifeRole({ need: "yes", bestPlaced: "yes", canResource: "no" })).toBe("influence");
    expect(lifeRole({ need: "yes", bestPlaced: "partly", canResource: "yes" })).toBe("influence");
  });
  it("follows when someone else is better placed", () => {
    expect(lifeRole({ need: "yes", bestPlaced: "no", canResource: "yes" })).toBe("follow");
  });
});

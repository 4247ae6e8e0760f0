import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Problem } from "./problem.ts";
import { validInput } from "./valid-input.ts";

const schema = z.object({
  name: z.string().trim().min(1, { error: "Enter a name" }),
  age: z.coerce.number(),
});

describe("validInput", () => {
  it("returns the input as the schema reads it", () => {
    expect(validInput(schema, { name: " Ann ", age: "40" }, "Check the details.")).toEqual({
      name: "Ann",
      age: 40,
    });
  });

  it("throws a 422 problem naming each field in error", () => {
    let thrown: unknown;
    try {
      validInput(schema, { name: "", age: "40" }, "Check the details.");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Problem);
    const problem = thrown as Problem;
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe("Check the details.");
    expect(problem.fieldErrors).toEqual({ name: "Enter a name" });
  });
});

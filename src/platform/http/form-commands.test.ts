import { describe, expect, it } from "vitest";
import { attemptForForm } from "./form-commands.ts";
import { conflict, forbidden, invalid, notFound, tooLarge } from "./problem.ts";

describe("attemptForForm", () => {
  it("returns the command's value when it succeeds", async () => {
    expect(await attemptForForm(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it("turns an invalid command into the field errors to show beside the fields", async () => {
    const result = await attemptForForm(async () => {
      throw invalid("The case could not be saved.", { category: "Choose a category" });
    });
    expect(result).toMatchObject({ ok: false, status: 422, errors: { category: "Choose a category" } });
  });

  it("shows a problem without field errors against the form, or the field it is told", async () => {
    const failing = async () => {
      throw invalid("Enter the amount.");
    };
    expect(await attemptForForm(failing)).toMatchObject({ errors: { form: "Enter the amount." } });
    expect(await attemptForForm(failing, { field: "text" })).toMatchObject({
      errors: { text: "Enter the amount." },
    });
  });

  it("keeps a conflict's title, which says what went wrong", async () => {
    const result = await attemptForForm(async () => {
      throw conflict("Role is full", "Every place on this role is taken.");
    });
    expect(result).toMatchObject({
      status: 409,
      errors: { form: "Role is full: Every place on this role is taken." },
    });
  });

  it("treats an upload that is too large as something the person can fix", async () => {
    const result = await attemptForForm(async () => {
      throw tooLarge("The file must be smaller than 10 MB.");
    });
    expect(result).toMatchObject({ ok: false, status: 413 });
  });

  it("lets not-found, forbidden and bugs reach the error page", async () => {
    await expect(attemptForForm(async () => Promise.reject(notFound("Case not found")))).rejects.toThrow();
    await expect(attemptForForm(async () => Promise.reject(forbidden("Managers only.")))).rejects.toThrow();
    await expect(attemptForForm(async () => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
  });
});

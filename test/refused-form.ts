import { expect } from "vitest";

/**
 * A form sent back for correction: it answers 422 (never a redirect, never a 500) and the page shows
 * each text given, such as an error-summary link `href="#field"`, a message, or a value kept from the
 * form. Returns the page for any further check.
 */
export async function expectRefused(response: Response, ...shown: string[]): Promise<string> {
  expect(response.status).toBe(422);
  const page = await response.text();
  for (const text of shown) expect(page).toContain(text);
  return page;
}

import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, projectRoot } from "../config/config.ts";

const base = { DATABASE_URL: "" };

describe("mail settings", () => {
  it("keeps mail for the preview page when no SMTP server is set outside production", () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      smtpUrl: undefined,
      mailPreview: true,
      mailFrom: undefined,
    });
  });

  it("never offers the mail preview in production, even without SMTP", () => {
    expect(loadConfig({ ...base, KITH_ENV: "production" }).mailPreview).toBe(false);
  });

  it("reads KITH_MAIL_PREVIEW as off, local or on, and refuses anything else", () => {
    expect(loadConfig({ ...base, KITH_MAIL_PREVIEW: "off" }).mailPreview).toBe(false);
    expect(loadConfig({ ...base, KITH_MAIL_PREVIEW: "on" })).toMatchObject({
      mailPreview: true,
      mailPreviewAnywhere: true,
    });
    expect(loadConfig(base).mailPreviewAnywhere).toBe(false);
    expect(() => loadConfig({ ...base, KITH_MAIL_PREVIEW: "yes" })).toThrow(
      "KITH_MAIL_PREVIEW must be one of off, local, on",
    );
  });

  it("sends through KITH_SMTP_URL from KITH_MAIL_FROM when both are set", () => {
    const config = loadConfig({
      ...base,
      KITH_SMTP_URL: "smtps://kith:secret@mail.example.org:465",
      KITH_MAIL_FROM: "housing@example.org",
    });
    expect(config).toMatchObject({
      smtpUrl: "smtps://kith:secret@mail.example.org:465",
      mailFrom: "housing@example.org",
      mailPreview: false,
    });
  });

  it.each([
    [
      "mail.example.org:587",
      /KITH_SMTP_URL must be a URL like smtps:\/\/user:password@mail.example.org:465, got "mail.example.org:587"/,
    ],
    ["not a url", /KITH_SMTP_URL must be a URL like smtps:\/\//],
    [
      "https://mail.example.org",
      /KITH_SMTP_URL must be a URL like smtps:\/\/.*got "https:\/\/mail.example.org"/,
    ],
  ])("refuses the SMTP URL %j with a message that says what to write", (raw, message) => {
    expect(() => loadConfig({ ...base, KITH_SMTP_URL: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, KITH_SMTP_URL: raw })).toThrow(message);
  });

  it("refuses a sender that is not an email address", () => {
    expect(() => loadConfig({ ...base, KITH_MAIL_FROM: "Weald Homes" })).toThrow(
      /KITH_MAIL_FROM must be an email address/,
    );
  });

  it("stops the server at start with the reason when the SMTP URL cannot be parsed", async () => {
    const child = spawn(
      path.join(projectRoot, "node_modules", ".bin", "node"),
      [path.join(projectRoot, "src", "main.ts")],
      {
        env: { ...process.env, DATABASE_URL: "", KITH_SMTP_URL: "smtp//mail.example.org" },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("KITH_SMTP_URL must be a URL like smtps://");
    expect(output).not.toContain("Kith is running");
  }, 60_000);
});

import { parseArgs } from "node:util";
import { openKithDatabase } from "./boot.ts";
import type { CliCommand, CliContext } from "./modules/module.ts";
import { modules } from "./modules/registry.ts";
import { isRole, roles, systemActor } from "./platform/access/actor.ts";
import { createOrganisation, listOrganisations } from "./platform/access/organisations.ts";
import { verifyAuditChain } from "./platform/audit/audit-log.ts";
import { requestPasswordReset } from "./platform/auth/password-reset.ts";
import { createUser } from "./platform/auth/users.ts";
import { ConfigError, loadConfig } from "./platform/config/config.ts";
import { BackupFormatError, backupDatabase, restoreDatabase } from "./platform/db/backup.ts";
import type { Database } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrate.ts";
import { DatabaseLockedError } from "./platform/db/pglite-lock.ts";
import { Problem } from "./platform/http/problem.ts";
import { seedDemo } from "./seed/seed-demo.ts";

const exitUsage = 2;

function needFile(args: string[], usage: string, context: CliContext): string | null {
  const file = args.find((arg) => !arg.startsWith("-"));
  if (!file) context.io.stderr(`Missing file. Usage: ${usage}\n`);
  return file ?? null;
}

const platformCommands: CliCommand[] = [
  {
    words: ["migrate"],
    usage: "kith migrate",
    summary: "Apply database migrations",
    async run(_args, context) {
      const database = await context.openDatabase();
      try {
        const result = await migrate(database);
        context.io.stdout(
          `${result.applied.length} migrations applied, ${result.alreadyApplied} already in place (${database.describe}).\n`,
        );
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["seed", "demo"],
    usage: "kith seed demo",
    summary: "Create the demo organisation with realistic data",
    async run(_args, context) {
      if (loadConfig().env === "production") {
        context.io.stderr(
          "The demo seed never runs in production (KITH_ENV=production): its password is published.\n",
        );
        return 1;
      }
      const database = await context.openDatabase();
      try {
        const existing = await listOrganisations(database.db);
        if (existing.some((org) => org.slug.startsWith("weald-and-medway-homes"))) {
          context.io.stderr("The demo organisation already exists in this database.\n");
          return 1;
        }
        await seedDemo(database, modules, { log: (message) => context.io.stdout(`${message}\n`) });
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["backup"],
    usage: "kith backup FILE",
    summary: "Write all data to FILE (gzipped JSON lines; works for PGlite and PostgreSQL)",
    async run(args, context) {
      const file = needFile(args, "kith backup FILE", context);
      if (!file) return exitUsage;
      const database = await context.openDatabase();
      try {
        const result = await backupDatabase(database, file);
        context.io.stdout(`Backed up ${result.rows} rows from ${result.tables} tables to ${file}.\n`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["restore"],
    usage: "kith restore FILE",
    summary: "Replace all data with the backup in FILE (all or nothing)",
    async run(args, context) {
      const file = needFile(args, "kith restore FILE", context);
      if (!file) return exitUsage;
      const database = await context.openDatabase();
      try {
        const result = await restoreDatabase(database, file);
        context.io.stdout(`Restored ${result.rows} rows into ${result.tables} tables from ${file}.\n`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["audit", "verify"],
    usage: "kith audit verify",
    summary: "Check the audit log's hash chain for tampering",
    async run(_args, context) {
      const database = await context.openDatabase();
      try {
        const report = await verifyAuditChain(database);
        if (report.broken.length === 0) {
          context.io.stdout(
            `Audit log intact: ${report.entries} entries in ${report.organisations} organisation chains.\n`,
          );
          return 0;
        }
        context.io.stderr(
          `Audit log BROKEN: ${report.broken.length} problem(s) in ${report.entries} entries.\n`,
        );
        for (const broken of report.broken.slice(0, 50)) {
          context.io.stderr(
            `  organisation ${broken.organisationId}, entry ${broken.seq}: ${broken.reason}\n`,
          );
        }
        return 1;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["organisation", "create"],
    usage:
      "kith organisation create --name NAME --kind housing-association|council [--la-codes E07000110,E06000035]",
    summary: "Create an organisation (then add its first admin with kith user create)",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: { name: { type: "string" }, kind: { type: "string" }, "la-codes": { type: "string" } },
      });
      if (!values.name || (values.kind !== "housing-association" && values.kind !== "council")) {
        context.io.stderr(`Give --name and --kind housing-association or council. Usage: ${this.usage}\n`);
        return exitUsage;
      }
      const laCodes = (values["la-codes"] ?? "")
        .split(",")
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean);
      const database = await context.openDatabase();
      try {
        const known = new Set(
          (await database.query<{ gss_code: string }>("SELECT gss_code FROM local_authority")).map(
            (r) => r.gss_code,
          ),
        );
        const unknown = laCodes.filter((code) => !known.has(code));
        if (unknown.length > 0) {
          context.io.stderr(
            `Unknown local authority code${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}\n`,
          );
          return exitUsage;
        }
        const org = await createOrganisation(database.db, null, context.now(), {
          name: values.name,
          kind: values.kind,
        });
        for (const code of laCodes) {
          await database.query("INSERT INTO organisation_area (organisation_id, la_code) VALUES ($1, $2)", [
            org.id,
            code,
          ]);
        }
        context.io.stdout(`Created ${org.name} (${org.slug}).\n`);
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["user", "create"],
    usage: "kith user create --organisation SLUG --email EMAIL --name NAME --role ROLE [--password PASSWORD]",
    summary:
      "Create a user (e.g. the first organisation admin); prints a password-setting link if no password is given",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: {
          organisation: { type: "string" },
          email: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          password: { type: "string" },
          "create-organisation": { type: "boolean" },
        },
      });
      if (!values.organisation || !values.email || !values.name || !values.role) {
        context.io.stderr(`Missing options. Usage: ${this.usage}\n`);
        return exitUsage;
      }
      if (!isRole(values.role)) {
        context.io.stderr(`Unknown role "${values.role}". Choose one of: ${roles.join(", ")}\n`);
        return exitUsage;
      }
      const database = await context.openDatabase();
      try {
        const organisations = await listOrganisations(database.db);
        const org = organisations.find((o) => o.slug === values.organisation || o.id === values.organisation);
        if (!org) {
          context.io.stderr(
            `No organisation "${values.organisation}". Known: ${organisations.map((o) => o.slug).join(", ") || "none"}\n`,
          );
          return exitUsage;
        }
        const password = values.password ?? `unset-${crypto.randomUUID()}`;
        const user = await createUser(database.db, systemActor(org.id, "kith user create"), context.now(), {
          organisationId: org.id,
          email: values.email,
          name: values.name,
          role: values.role,
          password,
        });
        context.io.stdout(`Created ${user.email} (${user.role}) in ${org.name}.\n`);
        if (!values.password) {
          const link = await requestPasswordReset(
            database.db,
            user.email,
            loadConfig().publicUrl,
            context.now(),
          );
          context.io.stdout(`Set the password within 1 hour at: ${link}\n`);
        }
        return 0;
      } finally {
        await database.close();
      }
    },
  },
];

function allCommands(): CliCommand[] {
  return [...platformCommands, ...modules.flatMap((module) => module.cli ?? [])];
}

function help(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.usage.length)) + 2;
  return `Usage: kith COMMAND …\n\n${commands.map((command) => `  ${command.usage.padEnd(width)}${command.summary}`).join("\n")}\n\nThe database is ./data/pglite, or DATABASE_URL when it is set.\n`;
}

export async function runCli(argv: string[], io: CliContext["io"]): Promise<number> {
  const commands = allCommands();
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help") {
    io.stdout(help(commands));
    return argv.length === 0 ? exitUsage : 0;
  }
  // The longest matching word sequence wins, so "import homes" beats "import".
  const command = commands
    .filter((c) => c.words.every((word, i) => argv[i] === word))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (!command) {
    io.stderr(`Unknown command "${argv.join(" ")}".\n\n${help(commands)}`);
    return exitUsage;
  }
  const config = loadConfig();
  const context: CliContext = {
    io,
    now: () => new Date(),
    openDatabase: (): Promise<Database> => openKithDatabase(config, { log: (m) => io.stderr(`${m}\n`) }),
  };
  try {
    return await command.run(argv.slice(command.words.length), context);
  } catch (error) {
    if (error instanceof Problem) {
      io.stderr(`${error.title}: ${error.detail}\n`);
      for (const [field, message] of Object.entries(error.fieldErrors ?? {}))
        io.stderr(`  ${field}: ${message}\n`);
      return 1;
    }
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseLockedError ||
      error instanceof BackupFormatError
    ) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    if (
      error instanceof TypeError &&
      /parseArgs|Unknown option|ERR_PARSE_ARGS/.test(
        `${(error as NodeJS.ErrnoException).code} ${error.message}`,
      )
    ) {
      io.stderr(`${error.message}\nUsage: ${command.usage}\n`);
      return exitUsage;
    }
    const fileMessage = fileErrorMessage(error);
    if (fileMessage) {
      io.stderr(`${fileMessage}\n`);
      return 1;
    }
    io.stderr(
      `kith ${command.words.join(" ")} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

/** File-system errors become one plain sentence naming the file, never a stack trace. */
export function fileErrorMessage(error: unknown): string | undefined {
  const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !file) return undefined;
  const reasons: Record<string, string> = {
    ENOENT: "it, or the folder it is in, does not exist",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder, not a file",
    ENOTDIR: "part of the path is not a folder",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
  };
  if (code === "ENOENT") return `File not found: ${file} (${reasons.ENOENT})`;
  return `Cannot use the file ${file}: ${reasons[code] ?? code}`;
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}

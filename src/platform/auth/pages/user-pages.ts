import { and, eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { type Role, roleNames, roles } from "../../access/actor.ts";
import { isOrganisationAdmin, isPlatformAdmin, requireAllowed } from "../../access/policy.ts";
import { recordAudit } from "../../audit/audit-log.ts";
import { appUser } from "../../db/platform-schema.ts";
import type { AppEnv } from "../../http/app-env.ts";
import { readForm } from "../../http/forms.ts";
import { notFound, Problem } from "../../http/problem.ts";
import { flashFrom, renderPage, requireActor } from "../../http/render.ts";
import { button, formatDate, html, type SafeHtml, select, table, tag, textInput } from "../../ui/index.ts";
import { invitationLifetimeDays, invitationStatuses, inviteUser, resendInvitation } from "../invitations.ts";
import { destroyAllSessions } from "../sessions.ts";
import { findUser, listUsers } from "../users.ts";

const messages = {
  created: "The user has been added and sent an invitation to choose their password.",
  invited: "A new invitation has been sent. Any earlier link no longer works.",
  disabled: "The user has been disabled and signed out everywhere.",
};

function assignableRoles(c: Context<AppEnv>): Role[] {
  const actor = requireActor(c);
  return roles.filter((role) => role !== "platform-admin" || isPlatformAdmin(actor));
}

async function usersPage(
  c: Context<AppEnv>,
  extra: { values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 409 | 422 } = {},
) {
  const actor = requireActor(c);
  const db = c.get("services").database.db;
  const users = await listUsers(db, actor);
  const invitations = await invitationStatuses(db, actor.organisationId, c.get("now"));
  const values = extra.values ?? {};
  const errors = extra.errors ?? {};
  const csrf = html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}">`;
  return renderPage(c, {
    title: "Users",
    fullWidth: true,
    errors,
    status: extra.status,
    notification: flashFrom(c, messages),
    content: html`<h1 class="govuk-heading-l">Users</h1>
      ${table({
        caption: `${users.length} users`,
        head: [{ text: "Name" }, { text: "Email" }, { text: "Role" }, { text: "Added" }, { text: "Status" }],
        rows: users.map((user) => [
          user.name,
          user.email,
          roleNames[user.role as Role] ?? user.role,
          formatDate(user.createdAt),
          user.disabledAt
            ? tag("Disabled", "grey")
            : user.id === (actor.kind === "user" ? actor.userId : "")
              ? tag("You", "blue")
              : html`${invitationCell(invitations.get(user.id), user, csrf)}<form method="post" action="/admin/users/${user.id}/disable">${csrf}<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">Disable<span class="govuk-visually-hidden"> ${user.name}</span></button></form>`,
        ]),
      })}
      <h2 class="govuk-heading-m">Add a user</h2>
      <form method="post" action="/admin/users" novalidate>${csrf}
        ${textInput({ name: "name", label: "Full name", value: values.name, error: errors.name, autocomplete: "off" })}
        ${textInput({ name: "email", label: "Email address", type: "email", value: values.email, error: errors.email, autocomplete: "off", spellcheck: false })}
        ${select({ name: "role", label: "Role", value: values.role, error: errors.role, options: [{ value: "", text: "Choose a role" }, ...assignableRoles(c).map((role) => ({ value: role, text: roleNames[role] }))] })}
        <p class="govuk-body">We will email them a link to choose their own password. The link works for ${invitationLifetimeDays} days.</p>
        ${button({ text: "Add user and send invitation" })}
      </form>`,
  });
}

/** Whether an added user has chosen their password yet, with a way to send a fresh link. */
function invitationCell(
  status: "invited" | "expired" | undefined,
  user: { id: string; name: string },
  csrf: SafeHtml,
) {
  if (!status) return "";
  return html`<p class="govuk-body-s govuk-!-margin-bottom-2">${status === "invited" ? tag("Invitation sent", "blue") : tag("Invitation expired", "orange")}</p>
    <form method="post" action="/admin/users/${user.id}/invitation">${csrf}<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2">Send the invitation again<span class="govuk-visually-hidden"> to ${user.name}</span></button></form>`;
}

/** Organisation admins manage their organisation's users. */
export function userPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/admin/users", (c) => usersPage(c));
  app.post("/admin/users", async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      const { database, config } = c.get("services");
      await inviteUser(
        database.db,
        actor,
        c.get("now"),
        { email: values.email ?? "", name: values.name ?? "", role: values.role ?? "" },
        config.publicUrl,
      );
    } catch (error) {
      if (error instanceof Problem && (error.status === 422 || error.status === 409)) {
        return usersPage(c, {
          values,
          errors: error.fieldErrors ?? { email: error.detail },
          status: error.status as 422,
        });
      }
      throw error;
    }
    return c.redirect("/admin/users?done=created", 303);
  });
  app.post("/admin/users/:id/invitation", async (c) => {
    const actor = requireActor(c);
    const { database, config } = c.get("services");
    await resendInvitation(database.db, actor, c.get("now"), c.req.param("id"), config.publicUrl);
    return c.redirect("/admin/users?done=invited", 303);
  });
  app.post("/admin/users/:id/disable", async (c) => {
    const actor = requireActor(c);
    requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can disable users.");
    const db = c.get("services").database.db;
    const now = c.get("now");
    const user = await findUser(db, actor.organisationId, c.req.param("id")).catch(() => undefined);
    if (!user) throw notFound("User not found");
    await db.transaction(async (tx) => {
      await tx
        .update(appUser)
        .set({ disabledAt: now })
        .where(and(eq(appUser.organisationId, actor.organisationId), eq(appUser.id, user.id)));
      await destroyAllSessions(tx, actor.organisationId, user.id);
      await recordAudit(tx, actor, now, {
        action: "update",
        entityType: "user",
        entityId: user.id,
        summary: `Disabled user ${user.email}`,
        before: { disabledAt: null },
        after: { disabledAt: now },
      });
    });
    return c.redirect("/admin/users?done=disabled", 303);
  });
  return app;
}

export const staffRoles = [
  "platform-admin",
  "organisation-admin",
  "manager",
  "officer",
  "read-only",
] as const;
export const externalRoles = ["partner-agency", "community-group", "supplier", "tenant"] as const;
export const roles = [...staffRoles, ...externalRoles] as const;

export type StaffRole = (typeof staffRoles)[number];
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  "platform-admin": "Platform administrator",
  "organisation-admin": "Organisation administrator",
  manager: "Manager",
  officer: "Officer",
  "read-only": "Read-only (board)",
  "partner-agency": "Partner agency user",
  "community-group": "Community group user",
  supplier: "Supplier user",
  tenant: "Tenant or resident",
};

/** Who is acting: a signed-in user (possibly through an API token), or the system (jobs, seed, CLI). */
export type Actor =
  | {
      kind: "user";
      userId: string;
      organisationId: string;
      role: Role;
      name: string;
      email: string;
      personId: string | null;
      partnerOrganisationId: string | null;
      /** Present when the request came with an API token: what the token may do. */
      scopes: string[] | null;
    }
  | { kind: "system"; organisationId: string; label: string };

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function systemActor(organisationId: string, label = "Kith system"): Actor {
  return { kind: "system", organisationId, label };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "system" ? actor.label : `${actor.name} <${actor.email}>`;
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

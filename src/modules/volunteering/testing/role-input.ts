// Test-only (and benchmarks): one volunteering role's form input, the same for every test that only
// needs a role to exist: estate work outdoors, remote, two hours, no DBS check.

export function estateRoleInput(title: string, places: number) {
  return {
    title,
    description: "Help out.",
    activity: "Estate activities",
    theme: "environment",
    interests: ["outdoor-work"],
    remote: "yes",
    timeCommitment: "2 hours",
    dbsRequired: "no",
    places: String(places),
  };
}

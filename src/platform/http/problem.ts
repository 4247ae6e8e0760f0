/**
 * Errors are values a person can act on. Every refusal is a Problem, shown as a
 * GOV.UK error page or returned as application/problem+json (RFC 9457).
 */
export type FieldErrors = Record<string, string>;

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(status: number, type: string, title: string, detail: string, fieldErrors?: FieldErrors) {
    super(`${title}: ${detail}`);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }

  toJson(instance?: string): Record<string, unknown> {
    return {
      type: `https://kith.example/problems/${this.type}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.fieldErrors ? { errors: this.fieldErrors } : {}),
    };
  }
}

export function notFound(title: string, detail = "Check the address or link and try again."): Problem {
  return new Problem(404, "not-found", title, detail);
}

export function forbidden(detail: string): Problem {
  return new Problem(403, "forbidden", "You do not have permission to do this", detail);
}

export function invalid(detail: string, fieldErrors?: FieldErrors): Problem {
  return new Problem(
    422,
    "validation-failed",
    "There is a problem with what you entered",
    detail,
    fieldErrors,
  );
}

export function badRequest(title: string, detail: string): Problem {
  return new Problem(400, "bad-request", title, detail);
}

export function conflict(title: string, detail: string): Problem {
  return new Problem(409, "conflict", title, detail);
}

export function tooLarge(detail: string): Problem {
  return new Problem(413, "too-large", "The file is too large", detail);
}

export function unauthenticated(): Problem {
  return new Problem(401, "unauthenticated", "Sign in to continue", "You need to sign in to see this.");
}

export function tooManyRequests(detail: string): Problem {
  return new Problem(429, "too-many-requests", "Too many attempts", detail);
}

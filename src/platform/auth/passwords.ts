import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum recommended parameters (19 MiB, 2 passes, 1 lane).
// Algorithm 2 is argon2id in @node-rs/argon2 (its enum is a const enum we cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minimumPasswordLength = 12;

/** NCSC advice: length over complexity rules, and refuse the obvious. */
export function passwordProblem(password: string): string | null {
  if (password.length < minimumPasswordLength) {
    return `Enter a password of at least ${minimumPasswordLength} characters`;
  }
  if (password.length > 256) return "Enter a password of 256 characters or fewer";
  if (/^(.)\1+$/.test(password) || /^(password|123456|qwerty)/i.test(password)) {
    return "Choose a password that is harder to guess";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time when the account does not exist, so timing does not reveal which emails exist. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("kith-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

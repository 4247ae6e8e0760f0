import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Encryption for single sensitive fields (bank details): AES-256-GCM with a key derived
// from the signing secret by HKDF, so no second secret has to be managed. Each value is
// bound to its context (say the organisation and record it belongs to) as associated
// data, so a ciphertext copied onto another record does not decrypt.

const version = "v1";

export type FieldCipher = {
  encrypt(plain: string, context: string): string;
  /** Throws when the value was altered, moved to another context or sealed with another key. */
  decrypt(sealed: string, context: string): string;
};

export function fieldCipher(secret: string): FieldCipher {
  if (secret.length < 16) throw new Error("The field encryption secret is too short.");
  const key = Buffer.from(hkdfSync("sha256", secret, "kith-field-encryption", `aes-256-gcm ${version}`, 32));
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
      return [version, ...parts].join(".");
    },
    decrypt(sealed, context) {
      const [tag, iv, authTag, body, ...rest] = sealed.split(".");
      if (tag !== version || !iv || !authTag || body === undefined || rest.length > 0)
        throw new Error("Not an encrypted field value.");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(authTag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

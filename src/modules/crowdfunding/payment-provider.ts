import { createHash } from "node:crypto";
import { Problem } from "../../platform/http/problem.ts";

/**
 * Kith never takes money itself. A provider authorises a pledge when the backer
 * makes it, then settlement either captures it (target met) or releases it.
 * A real provider (Stripe, GoCardless) would implement this same interface.
 */
export type PaymentProvider = {
  name: string;
  authorise(input: {
    pledgeReference: string;
    amountPence: number;
    email: string;
  }): Promise<{ providerReference: string }>;
  capture(providerReference: string, amountPence: number): Promise<void>;
  release(providerReference: string): Promise<void>;
};

/**
 * The built-in test provider: deterministic references, no network. A backer email
 * at the reserved domain decline.test is declined, so journeys can show a refusal.
 */
export const testPaymentProvider: PaymentProvider = {
  name: "test",
  async authorise({ pledgeReference, amountPence, email }) {
    if (email.toLowerCase().endsWith("@decline.test")) {
      throw new Problem(
        402,
        "payment-declined",
        "Your pledge was declined",
        "The payment provider declined this pledge. Try another way to pay.",
      );
    }
    const digest = createHash("sha256")
      .update(`${pledgeReference}:${amountPence}`)
      .digest("hex")
      .slice(0, 16);
    return { providerReference: `test_auth_${digest}` };
  },
  async capture() {},
  async release() {},
};

let provider: PaymentProvider = testPaymentProvider;

/** The provider in use; operators swap it at start-up (only the test provider ships). */
export function paymentProvider(): PaymentProvider {
  return provider;
}

export function usePaymentProvider(next: PaymentProvider): void {
  provider = next;
}

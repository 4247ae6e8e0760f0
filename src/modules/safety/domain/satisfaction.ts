// The Tenant Satisfaction Measures question on anti-social behaviour (TP12, Regulator of Social
// Housing), asked of the complainant when a case closes, with the TSM answer scale.

export const tsmAsbQuestion =
  "How satisfied or dissatisfied are you with your landlord's approach to handling anti-social behaviour?";

export const satisfactionAnswers = [
  "very-satisfied",
  "fairly-satisfied",
  "neither",
  "fairly-dissatisfied",
  "very-dissatisfied",
  "not-applicable",
] as const;
export type SatisfactionAnswer = (typeof satisfactionAnswers)[number];

export const satisfactionAnswerNames: Record<SatisfactionAnswer, string> = {
  "very-satisfied": "Very satisfied",
  "fairly-satisfied": "Fairly satisfied",
  neither: "Neither satisfied nor dissatisfied",
  "fairly-dissatisfied": "Fairly dissatisfied",
  "very-dissatisfied": "Very dissatisfied",
  "not-applicable": "Not applicable or don't know",
};

/** Action decisions when a case closes: each open action is completed or cancelled, never left open. */
export const actionDecisions = ["completed", "cancelled"] as const;
export type ActionDecision = (typeof actionDecisions)[number];

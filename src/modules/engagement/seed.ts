import { newId } from "../../platform/db/ids.ts";
import type { SeedContext } from "../module.ts";
import { listPeopleForSeed } from "../people/index.ts";
import { londonToday } from "./records.ts";
import {
  consultation,
  consultationAnswer,
  consultationQuestion,
  consultationResponse,
  involvementOpportunity,
  involvementParticipation,
  youSaidWeDid,
} from "./schema.ts";

// Two years of resident involvement: panels and champions with members, four consultations
// (one open now) with anonymous responses, and "You said, we did" answers. Deterministic.

const DAY = 24 * 3600 * 1000;

const surveys = [
  {
    title: "Repairs service review",
    monthsAgo: 20,
    questions: [
      { kind: "rating" as const, text: "How would you rate our repairs service?", options: [] },
      {
        kind: "single-choice" as const,
        text: "How would you most like to report a repair?",
        options: ["Phone", "Online form", "App", "In person"],
      },
      { kind: "free-text" as const, text: "What one thing should we improve?", options: [] },
    ],
    comments: [
      "Tell us when the operative is running late",
      "Fix it first time",
      "Evening appointments please",
      "Better communication about parts",
    ],
  },
  {
    title: "Community safety priorities",
    monthsAgo: 12,
    questions: [
      {
        kind: "multiple-choice" as const,
        text: "Which problems affect you most?",
        options: ["Noise", "Drug dealing", "Fly-tipping", "Speeding", "Dogs"],
      },
      {
        kind: "rating" as const,
        text: "How safe do you feel in your neighbourhood after dark?",
        options: [],
      },
    ],
    comments: [],
  },
  {
    title: "Green spaces plan",
    monthsAgo: 5,
    questions: [
      {
        kind: "multiple-choice" as const,
        text: "What would you like in your local green space?",
        options: ["Benches", "Play equipment", "Community garden", "Wildflower areas", "Better lighting"],
      },
      { kind: "free-text" as const, text: "Anything else?", options: [] },
    ],
    comments: ["A space for teenagers", "Keep the trees", "Raised beds for people with mobility problems"],
  },
  {
    title: "Resident involvement strategy",
    monthsAgo: 0,
    questions: [
      {
        kind: "single-choice" as const,
        text: "How would you like to get involved?",
        options: ["Online surveys", "Estate walkabouts", "Scrutiny panel", "Not right now"],
      },
      { kind: "rating" as const, text: "How well do we listen to residents?", options: [] },
    ],
    comments: [],
  },
];

export async function seedEngagement(context: SeedContext): Promise<void> {
  const { database, organisationId, now, random } = context;
  const db = database.db;
  const today = londonToday(now);
  const residents = (await listPeopleForSeed(db, organisationId)).filter((p) => p.personType !== "contact");
  const dayOf = (ms: number) => londonToday(new Date(ms));

  const involvement = [
    {
      kind: "scrutiny-panel" as const,
      title: "Residents' scrutiny panel",
      description: "Reviews one service each quarter and recommends improvements to the board.",
    },
    {
      kind: "steering-group" as const,
      title: "Green spaces steering group",
      description: "Plans how we look after and improve shared green spaces.",
    },
    {
      kind: "community-champion" as const,
      title: "Community champions",
      description: "Neighbours who welcome new tenants and pass on what residents tell them.",
    },
    {
      kind: "mystery-shopper" as const,
      title: "Mystery shoppers",
      description: "Test our phone lines, website and repairs service and report back.",
    },
  ].map((row) => ({
    organisationId,
    id: newId(now.getTime() - 700 * DAY),
    ...row,
    status: "open" as const,
    createdAt: new Date(now.getTime() - 700 * DAY),
  }));
  await db.insert(involvementOpportunity).values(involvement);
  if (residents.length > 0) {
    const participation = involvement.flatMap((opportunity, i) =>
      Array.from({ length: 6 + i * 3 }, (_, n) => {
        const person = residents[(i * 131 + n * 17) % residents.length];
        return person
          ? {
              organisationId,
              id: newId(now.getTime()),
              opportunityId: opportunity.id,
              personId: person.id,
              role: n === 0 && i === 0 ? "Chair" : null,
              startedOn: dayOf(now.getTime() - (30 + Math.floor(random() * 600)) * DAY),
              recordedAt: now,
            }
          : null;
      }).filter((row) => row !== null),
    );
    const unique = [
      ...new Map(participation.map((row) => [`${row.opportunityId}:${row.personId}`, row])).values(),
    ];
    if (unique.length) await db.insert(involvementParticipation).values(unique);
  }

  let responses = 0;
  const said: (typeof youSaidWeDid.$inferInsert)[] = [];
  for (const survey of surveys) {
    const opens = now.getTime() - (survey.monthsAgo * 30 + 10) * DAY;
    const closes = survey.monthsAgo === 0 ? now.getTime() + 30 * DAY : opens + 28 * DAY;
    const id = newId(opens);
    await db.insert(consultation).values({
      organisationId,
      id,
      // The open consultation is named for the demo's own year, so it reads naturally whenever the demo is made.
      title: survey.monthsAgo === 0 ? `${survey.title} ${today.slice(0, 4)}` : survey.title,
      description: `Tell us what you think: ${survey.title.toLowerCase()}.`,
      opensOn: dayOf(opens),
      closesOn: dayOf(closes),
      status: survey.monthsAgo === 0 ? "open" : "closed",
      createdAt: new Date(opens - 7 * DAY),
    });
    const questions = survey.questions.map((q, position) => ({
      organisationId,
      id: newId(opens),
      consultationId: id,
      position: position + 1,
      kind: q.kind,
      text: q.text,
      options: q.options,
      required: position === 0,
    }));
    await db.insert(consultationQuestion).values(questions);
    const count = survey.monthsAgo === 0 ? 23 : 60 + Math.floor(random() * 90);
    for (let n = 0; n < count; n++) {
      const responseId = newId(opens);
      const submitted = Math.min(now.getTime() - DAY, opens + Math.floor(random() * 27) * DAY);
      await db
        .insert(consultationResponse)
        .values({ organisationId, id: responseId, consultationId: id, submittedAt: new Date(submitted) });
      const answers = questions.flatMap((q): (typeof consultationAnswer.$inferInsert)[] => {
        if (q.position > 1 && random() < 0.15) return [];
        if (q.kind === "rating")
          return [
            {
              organisationId,
              responseId,
              questionId: q.id,
              choices: [],
              rating: 1 + Math.min(4, Math.floor(random() * 3 + random() * 3)),
              freeText: null,
            },
          ];
        if (q.kind === "single-choice")
          return [
            {
              organisationId,
              responseId,
              questionId: q.id,
              choices: [q.options[Math.floor(random() * random() * q.options.length)] ?? ""],
              rating: null,
              freeText: null,
            },
          ];
        if (q.kind === "multiple-choice")
          return [
            {
              organisationId,
              responseId,
              questionId: q.id,
              choices: q.options
                .filter(() => random() < 0.4)
                .slice(0, 3)
                .concat(q.options[0] ?? "")
                .filter((v, i, all) => all.indexOf(v) === i),
              rating: null,
              freeText: null,
            },
          ];
        const comment = survey.comments[Math.floor(random() * (survey.comments.length * 3))];
        return comment
          ? [{ organisationId, responseId, questionId: q.id, choices: [], rating: null, freeText: comment }]
          : [];
      });
      if (answers.length) await db.insert(consultationAnswer).values(answers);
      responses++;
    }
    if (survey.monthsAgo > 0) {
      said.push({
        organisationId,
        id: newId(closes),
        consultationId: id,
        youSaid: survey.comments[0] ? `${survey.comments[0]}.` : "You told us which problems matter most.",
        weDid: survey.title.startsWith("Repairs")
          ? "Operatives now text when they are running late, and Tuesday evening appointments started in March."
          : survey.title.startsWith("Community")
            ? "We focused the safer streets walkabouts on fly-tipping hotspots and added two CCTV cameras with the council."
            : "We planted wildflower areas on three estates and added raised beds at Murston community garden.",
        publishedOn: dayOf(Math.min(closes + 45 * DAY, now.getTime() - DAY)),
        createdAt: new Date(closes + 40 * DAY),
      });
    }
  }
  await db.insert(youSaidWeDid).values(said);
  context.log(
    `engagement: ${involvement.length} involvement groups, ${surveys.length} consultations, ${responses} responses, ${said.length} "You said, we did" up to ${today}`,
  );
}

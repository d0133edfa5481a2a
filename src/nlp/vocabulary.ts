import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { topicIdSchema } from "../knowledge/schema.js";
import { findProjectRoot } from "../project-root.js";

const vocabularySchema = z
  .object({
    concepts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9-]*$/),
            terms: z.array(z.union([z.string().min(1), z.number()]).transform(String)).min(1),
            outOfGuide: z.boolean().default(false),
            /** An outOfGuide concept said together with one of these is about a procedure the guide has. */
            inGuideWith: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .min(1),
    stopwords: z.array(z.string().min(1)),
    /** Words said before さん/様 that name a role, not a person (患者さん, 常連さん, 薬剤師さん). */
    notNames: z.array(z.string().min(1)).default([]),
  })
  .strict();

const answerabilitySchema = z
  .object({
    /** A topic answers only a question that names its subject: one of these concepts. */
    subjects: z
      .array(
        z
          .object({
            topic: topicIdSchema,
            says: z.string().min(1),
            concepts: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .default([]),
    asks: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/),
          says: z.string().min(1),
          cues: z.array(z.string().min(1)).min(1),
          answeredBy: z.array(topicIdSchema),
        })
        .strict(),
    ),
  })
  .strict();

const distinctionsSchema = z
  .object({
    distinctions: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/),
          says: z.string().min(1),
          sides: z
            .array(
              z
                .object({
                  topics: z.array(topicIdSchema).min(1),
                  cues: z.array(z.string().min(1)).min(1),
                  /** When the cues of several sides are in the question, this side wins. */
                  prevails: z.boolean().default(false),
                  /** Topics of no side that lose too when this side wins. */
                  dampens: z.array(topicIdSchema).default([]),
                })
                .strict(),
            )
            .min(2),
        })
        .strict(),
    ),
  })
  .strict();

export type Ask = z.infer<typeof answerabilitySchema>["asks"][number];
export type Subject = z.infer<typeof answerabilitySchema>["subjects"][number];
export type Distinction = z.infer<typeof distinctionsSchema>["distinctions"][number];
export type Vocabulary = z.infer<typeof vocabularySchema> & {
  readonly asks: readonly Ask[];
  readonly subjects: readonly Subject[];
  readonly distinctions: readonly Distinction[];
};
export type Concept = Vocabulary["concepts"][number];

/** An ask is found like a concept; its concept id is `ask-` and its id. */
export const askConceptId = (ask: Ask) => `ask-${ask.id}`;
/** A side of a distinction is found like a concept: `side-`, the distinction's id and the side's index. */
export const sideConceptId = (d: Distinction, side: number) => `side-${d.id}-${side}`;

/** The a-row kana of a godan verb's negative stem and the i-row kana of its polite stem (つながら → つながり); not が (資格がない). */
const POLITE_STEM: Readonly<Record<string, string>> = {
  か: "き",
  さ: "し",
  た: "ち",
  な: "に",
  ば: "び",
  ま: "み",
  ら: "り",
  わ: "い",
};

/**
 * A verb term in the plain negative (読めない, つながらない, 反応しない) is also said politely
 * (読めません, つながりません, 反応しません) and run on (読めなくなった, 反応しなくて): each such term in
 * all three forms.
 */
function withPoliteNegatives(terms: readonly string[]): string[] {
  const out = new Set(terms);
  for (const term of terms) {
    // Only verbs written with their kanji: できない → できません would be a cue in every polite sentence.
    const m = /^(.*\p{sc=Han}.*)([ぁ-ゖ])ない$/u.exec(term);
    if (!m) continue;
    const [, stem = "", last = ""] = m;
    out.add(`${stem}${last}なく`);
    if (/[えけげせぜてでねべぺめれしじきぎちびみりい]/u.test(last)) out.add(`${stem}${last}ません`);
    else if (POLITE_STEM[last]) out.add(`${stem}${POLITE_STEM[last]}ません`);
  }
  return [...out];
}

/** 患者 before a particle is also written 患者さん, 患者様 (他の患者は → 他の患者さんは): each term in all three. */
function withHonorifics(terms: readonly string[]): string[] {
  const out = new Set(terms);
  for (const term of terms) {
    if (!/患者(?=[はもがをのにへとだ]|$)/u.test(term)) continue;
    for (const honorific of ["さん", "様"])
      out.add(term.replace(/患者(?=[はもがをのにへとだ]|$)/u, `患者${honorific}`));
  }
  return [...out];
}

export function defaultVocabularyPath(): string {
  return join(findProjectRoot(), "src", "nlp", "data", "vocabulary.yaml");
}

function parseFile<T>(path: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseYaml(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/**
 * Reads the vocabulary and, beside it, answerability.yaml (what a question asks against what each
 * topic answers) and distinctions.yaml (situations the guide tells apart); throws with the file and
 * path named when one is malformed or names a topic the knowledge base does not have.
 */
export function loadVocabulary(path: string = defaultVocabularyPath(), knownTopics?: ReadonlySet<string>): Vocabulary {
  const vocabulary = parseFile(path, vocabularySchema);
  const answerabilityPath = join(path, "..", "answerability.yaml");
  const distinctionsPath = join(path, "..", "distinctions.yaml");
  const { asks, subjects } = parseFile(answerabilityPath, answerabilitySchema);
  const { distinctions } = parseFile(distinctionsPath, distinctionsSchema);
  if (knownTopics) {
    const unknown = (file: string, ids: readonly string[]) => {
      const missing = ids.find((id) => !knownTopics.has(id));
      if (missing) throw new Error(`${file}: トピック "${missing}" は知識ベースにありません`);
    };
    unknown(answerabilityPath, [...asks.flatMap((a) => a.answeredBy), ...subjects.map((s) => s.topic)]);
    unknown(
      distinctionsPath,
      distinctions.flatMap((d) => d.sides.flatMap((side) => [...side.topics, ...side.dampens])),
    );
  }
  return {
    concepts: [
      ...vocabulary.concepts.map((c) => ({ ...c, terms: withPoliteNegatives(withHonorifics(c.terms)) })),
      ...asks.map((ask) => ({
        id: askConceptId(ask),
        terms: withHonorifics(ask.cues),
        outOfGuide: false,
        inGuideWith: [],
      })),
      ...distinctions.flatMap((d) =>
        d.sides.map((side, i) => ({
          id: sideConceptId(d, i),
          terms: withHonorifics(side.cues),
          outOfGuide: false,
          inGuideWith: [],
        })),
      ),
    ],
    stopwords: vocabulary.stopwords,
    notNames: vocabulary.notNames,
    asks,
    subjects,
    distinctions,
  };
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
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
          })
          .strict(),
      )
      .min(1),
    stopwords: z.array(z.string().min(1)),
  })
  .strict();

export type Vocabulary = z.infer<typeof vocabularySchema>;
export type Concept = Vocabulary["concepts"][number];

export function defaultVocabularyPath(): string {
  return join(findProjectRoot(), "src", "nlp", "data", "vocabulary.yaml");
}

/** Reads the vocabulary; throws with the file and path named when it is malformed. */
export function loadVocabulary(path: string = defaultVocabularyPath()): Vocabulary {
  const parsed = vocabularySchema.safeParse(parseYaml(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { findProjectRoot } from "../project-root.js";

/** What the matcher knows of its own answer before it states a confidence. */
export interface Signals {
  /** Best topic score (none excluded), after answerability and out-of-guide factors. */
  readonly best: number;
  /** Runner-up's score. */
  readonly second: number;
  /** The `none` topic's own score (its examples are out-of-scope questions). */
  readonly noneScore: number;
  /** The question names something the guide does not cover, or asks what the topic does not answer. */
  readonly unanswerable: boolean;
  /** Share of the question's word weight that no example of the knowledge base has (0 … 1). */
  readonly unknown: number;
}

/**
 * A stated confidence at or above this is "confident": the map is fitted so that such answers are right
 * at the calibration target (scripts/calibrate.ts), the evaluation reports how often they are, and a
 * conversation lets such an answer leave the topic under discussion.
 */
export const CONFIDENT = 0.8;

const modelSchema = z.object({ weights: z.array(z.number()), bias: z.number() }).strict();
export const calibrationSchema = z
  .object({
    /** How it was fitted (sets, folds, out-of-fold precision at ≥ 0.8). */
    fitted: z.string(),
    topic: modelSchema,
    none: modelSchema,
  })
  .strict();
export type Calibration = z.infer<typeof calibrationSchema>;
export type Model = z.infer<typeof modelSchema>;

/** The inputs of the logistic map for a topic answer and for a `none` answer. */
export function topicInputs(s: Signals): number[] {
  const margin = s.best > 0 ? (s.best - s.second) / s.best : 0;
  return [s.best, margin, s.best * margin, s.noneScore, s.unanswerable ? 1 : 0, s.unknown];
}
export function noneInputs(s: Signals): number[] {
  return [s.best, s.noneScore, s.unanswerable ? 1 : 0, s.best - s.noneScore, s.unknown];
}

export function predict(model: Model, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export function defaultCalibrationPath(): string {
  return join(findProjectRoot(), "src", "nlp", "data", "calibration.json");
}

/** The fitted map (scripts/calibrate.ts), or undefined before one is fitted. */
export function loadCalibration(path: string = defaultCalibrationPath()): Calibration | undefined {
  if (!existsSync(path)) return undefined;
  return calibrationSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

import type { TopicId } from "../knowledge/schema.js";

export function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

/** Score and margin to 0..1: a clear winner well above the none threshold is near 1. */
export function calibrate(best: number, second: number, threshold: number): number {
  const strength = Math.min(1, (best - threshold) / 0.4);
  const margin = Math.min(1, (best - second) / Math.max(best, 1e-9) / 0.5);
  return 0.35 + 0.45 * strength + 0.2 * margin;
}

export function noneConfidence(best: number, id: TopicId | undefined, threshold: number): number {
  if (id === "none") return 0.6 + 0.4 * Math.min(1, best / 0.5);
  return 0.5 + 0.5 * Math.max(0, 1 - best / threshold);
}

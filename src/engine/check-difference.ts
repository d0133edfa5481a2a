import type { DifferencePattern } from "../knowledge/schema.js";
import type { CheckResult } from "./answer-model.js";
import { differenceMsg } from "./messages.js";
import { normalizeCue, normalizedWord } from "./prepare-text.js";

interface Hit {
  readonly pattern: string;
  readonly start: number;
  readonly end: number;
}

function hitsOf(pattern: DifferencePattern, norm: string): Hit[] {
  const hits: Hit[] = [];
  for (const raw of pattern.cues) {
    const cue = normalizedWord(raw);
    if (cue.length === 0) continue;
    for (let i = norm.indexOf(cue); i >= 0; i = norm.indexOf(cue, i + 1)) {
      hits.push({ pattern: pattern.id, start: i, end: i + cue.length });
    }
  }
  return hits;
}

/** A hit inside a longer cue of another pattern (空白 inside 記号が空白) does not count. */
function shadowed(hit: Hit, all: readonly Hit[]): boolean {
  return all.some(
    (g) =>
      g.pattern !== hit.pattern && g.start <= hit.start && hit.end <= g.end && g.end - g.start > hit.end - hit.start,
  );
}

/** The known 1-① patterns the description names, in the guide's order. */
export function findDifferencePatterns(patterns: readonly DifferencePattern[], text: string): DifferencePattern[] {
  // A question's own 「？」「！」 is not a symbol on the screen.
  const norm = normalizeCue(text).replace(/[?!]+(?=\s|$)/g, " ");
  if (norm.length === 0) return [];
  const all = patterns.flatMap((p) => hitsOf(p, norm));
  const kept = new Set(all.filter((h) => !shadowed(h, all)).map((h) => h.pattern));
  return patterns.filter((p) => kept.has(p.id));
}

/**
 * 1-①: names the known pattern(s) the description matches and states the guide's rule
 * (bill as displayed; correcting from the card at the institution's judgement; except P6/P9).
 * Nothing is said when no pattern is named: the answer shows the guide's whole list instead, and
 * "no pattern fits" would be a claim about patterns that were never checked.
 * `exceptions`: the sentence naming the excepted sections (see exceptionNote).
 */
export function checkDifference(
  patterns: readonly DifferencePattern[],
  text: string,
  exceptions?: string,
): CheckResult | undefined {
  if (normalizeCue(text).length === 0) return undefined;
  const found = findDifferencePatterns(patterns, text);
  const tail = exceptions ? `${differenceMsg.rule}\n${exceptions}` : differenceMsg.rule;
  if (found.length === 0) return undefined;
  return {
    kind: "difference",
    verdict: "known-pattern",
    findings: found.map((p) => p.id),
    text: `${differenceMsg.found(found.map((p) => p.label))}\n${tail}`,
  };
}

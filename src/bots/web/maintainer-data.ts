// What the maintainers' page shows, read from the masked miss store and the daily counts.
import { maskPersonalData } from "../../privacy/mask.js";
import type { StoreRecord } from "../../privacy/miss-store.js";
import { normalizeQuestion } from "../../privacy/report-misses.js";
import { type DayCounts, jstDate } from "../../stats/daily-counts.js";

export interface DayRow {
  /** YYYY-MM-DD (Asia/Tokyo). */
  readonly day: string;
  readonly answered: number;
  readonly unanswered: number;
  readonly notHelpful: number;
}

export interface MaintainerView {
  readonly days: readonly DayRow[];
  /** Unanswered questions (masked, grouped), most frequent first. */
  readonly misses: readonly { readonly text: string; readonly count: number }[];
  /** Topics with the most 👎. */
  readonly disliked: readonly { readonly topic: string; readonly notHelpful: number; readonly helpful: number }[];
  /** Answered with low confidence (masked), newest first. */
  readonly lowConfidence: readonly {
    readonly day: string;
    readonly text: string;
    readonly topic: string;
    readonly confidence: number;
  }[];
}

export const MAX_ROWS = 20;

const masked = (text: string) => normalizeQuestion(maskPersonalData(text).text);

/** The last `span` days up to `today`, oldest first. */
function dayKeys(today: Date, span: number): string[] {
  return Array.from({ length: span }, (_, i) => jstDate(new Date(today.getTime() - (span - 1 - i) * 86_400_000)));
}

export function buildMaintainerView(
  records: readonly StoreRecord[],
  counts: ReadonlyMap<string, DayCounts>,
  today: Date,
  span = 14,
): MaintainerView {
  const keys = dayKeys(today, span);
  const dislikes = new Map<string, number>();
  const missGroups = new Map<string, number>();
  const feedback = new Map<string, { helpful: number; notHelpful: number }>();
  const low: MaintainerView["lowConfidence"][number][] = [];
  for (const r of records) {
    const day = jstDate(new Date(r.ts));
    if (r.kind === "feedback" && r.helpful !== undefined) {
      const topic = r.topic ?? "none";
      const t = feedback.get(topic) ?? { helpful: 0, notHelpful: 0 };
      if (r.helpful) t.helpful++;
      else {
        t.notHelpful++;
        dislikes.set(day, (dislikes.get(day) ?? 0) + 1);
      }
      feedback.set(topic, t);
    } else if (r.kind === "miss") {
      const text = masked(r.text);
      if (text === "") continue;
      if (r.topic === undefined || r.topic === "none") missGroups.set(text, (missGroups.get(text) ?? 0) + 1);
      else low.push({ day, text, topic: r.topic, confidence: r.confidence ?? 0 });
    }
  }
  return {
    days: keys.map((day) => ({
      day,
      answered: counts.get(day)?.answered ?? 0,
      unanswered: counts.get(day)?.unanswered ?? 0,
      notHelpful: dislikes.get(day) ?? 0,
    })),
    misses: [...missGroups]
      .sort(([ta, a], [tb, b]) => b - a || (ta < tb ? -1 : 1))
      .slice(0, MAX_ROWS)
      .map(([text, count]) => ({ text, count })),
    disliked: [...feedback]
      .filter(([, t]) => t.notHelpful > 0)
      .sort(([ta, a], [tb, b]) => b.notHelpful - a.notHelpful || (ta < tb ? -1 : 1))
      .slice(0, MAX_ROWS)
      .map(([topic, t]) => ({ topic, ...t })),
    lowConfidence: low.reverse().slice(0, MAX_ROWS),
  };
}

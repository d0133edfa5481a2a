import { existsSync } from "node:fs";
import { reportMsg } from "./messages.js";
import { minimizePersonalData } from "./minimize.js";
import { readRecords, type StoreRecord } from "./miss-store.js";
import { stripInvisible } from "./normalize-for-masking.js";

/** The grouping key of a question: NFKC, lower case, whitespace folded (and dropped next to Japanese). */
export function normalizeQuestion(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/ (?=\P{ASCII})|(?<=\P{ASCII}) /gu, "");
}

interface MissGroup {
  readonly text: string;
  count: number;
  readonly topics: Map<string, number>;
}

interface FeedbackTally {
  helpful: number;
  notHelpful: number;
}

/** A field as it may reach a terminal: minimised, no control character (no escape sequence), one line. */
const printable = (text: string): string => minimizePersonalData(text).text.replace(/\s+/gu, " ").trim();

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupMisses(records: readonly StoreRecord[]): [string, MissGroup][] {
  const groups = new Map<string, MissGroup>();
  for (const r of records) {
    if (r.kind !== "miss") continue;
    // an older file (or one edited by hand) may hold anything: minimised again, controls gone, before printing
    const text = normalizeQuestion(minimizePersonalData(r.text).text);
    const group = groups.get(text) ?? { text, count: 0, topics: new Map<string, number>() };
    group.count++;
    const topic = r.topic === undefined ? undefined : printable(r.topic);
    if (topic !== undefined && topic !== "none") group.topics.set(topic, (group.topics.get(topic) ?? 0) + 1);
    groups.set(text, group);
  }
  return [...groups].sort(([ka, a], [kb, b]) => b.count - a.count || byCodePoint(ka, kb));
}

function tallyFeedback(records: readonly StoreRecord[]): [string, FeedbackTally][] {
  const tallies = new Map<string, FeedbackTally>();
  for (const r of records) {
    if (r.kind !== "feedback" || r.helpful === undefined) continue;
    const topic = printable(r.topic ?? "none");
    const tally = tallies.get(topic) ?? { helpful: 0, notHelpful: 0 };
    if (r.helpful) tally.helpful++;
    else tally.notHelpful++;
    tallies.set(topic, tally);
  }
  return [...tallies].sort(
    ([ta, a], [tb, b]) =>
      b.notHelpful - a.notHelpful || b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || byCodePoint(ta, tb),
  );
}

function nearestTopic(topics: ReadonlyMap<string, number>): string | undefined {
  return [...topics].sort(([ta, a], [tb, b]) => b - a || byCodePoint(ta, tb))[0]?.[0];
}

/** Plain-text report: misses grouped and counted (most frequent first), then feedback per topic. */
export function formatMissReport(records: readonly StoreRecord[]): string {
  const misses = groupMisses(records);
  const missCount = misses.reduce((n, [, g]) => n + g.count, 0);
  const lines = [`${reportMsg.missHeading}${reportMsg.missSummary(missCount, misses.length)}`];
  if (misses.length === 0) lines.push(`  ${reportMsg.none}`);
  for (const [, group] of misses) {
    const near = nearestTopic(group.topics);
    lines.push(`  ${reportMsg.count(group.count).padStart(5)}  ${group.text}${near ? reportMsg.nearTopic(near) : ""}`);
  }
  if (misses.length > 0) lines.push(`  ${reportMsg.hint}`);

  const feedback = tallyFeedback(records);
  const feedbackCount = feedback.reduce((n, [, t]) => n + t.helpful + t.notHelpful, 0);
  lines.push("", `${reportMsg.feedbackHeading}${reportMsg.feedbackSummary(feedbackCount)}`);
  if (feedback.length === 0) lines.push(`  ${reportMsg.none}`);
  for (const [topic, t] of feedback) lines.push(`  ${reportMsg.feedbackRow(topic, t.helpful, t.notHelpful)}`);
  return `${lines.join("\n")}\n`;
}

/** The report of records gathered elsewhere (the stream all instances share, plus this host's file). */
export function writeMissReport(records: readonly StoreRecord[], write: (s: string) => void): number {
  write(formatMissReport(records));
  return 0;
}

/** `npm run report:misses`: prints the report of the JSON-lines file at `path`; returns the exit code. */
export function runReportMisses(path: string, write: (s: string) => void): number {
  if (!existsSync(path)) {
    write(`${reportMsg.noFile(stripInvisible(path))}\n`);
    write(formatMissReport([]));
    return 0;
  }
  let records: StoreRecord[];
  try {
    records = readRecords(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    write(`${reportMsg.readFailed(stripInvisible(path), printable(reason))}\n`);
    return 1;
  }
  write(formatMissReport(records));
  return 0;
}

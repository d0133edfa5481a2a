import type { KnowledgeBase, PhoneLine } from "../knowledge/schema.js";
import type { LineStatus } from "./answer-model.js";
import { nextOpeningAfter } from "./line-status.js";
import { clockOfIso, outageMsg } from "./messages.js";

/** 2-④【注記】: opening takes about 30 minutes (steps 1–3). */
export const OPENING_MINUTES = 30;

export function callCenterOf(kb: KnowledgeBase): PhoneLine | undefined {
  return [...kb.phoneLines.values()].find((l) => l.kind === "callcenter");
}

/** Outage answers always show the call center, with what to have ready (医療機関コード, 医療機関・薬局名, 担当者名). */
export function withOutageLines(lines: readonly LineStatus[], callCenter: LineStatus | undefined): LineStatus[] {
  const all = callCenter && !lines.some((l) => l.id === callCenter.id) ? [callCenter, ...lines] : [...lines];
  return all.map((l) => (l.id === callCenter?.id ? { ...l, tellFirst: [...outageMsg.tellFirst] } : l));
}

/** Warns when the call center is closed now or closes before the function could be opened. */
export function outageWarnings(line: PhoneLine, status: LineStatus, now: Date): string[] {
  if (status.state === "closed") return [outageMsg.closedNow(status.asOf, nextOpeningAfter(line, now).text)];
  if (status.state === "uncertain") return [outageMsg.uncertainNow(status.asOf, status.statusText)];
  if (status.closesAt === undefined) return [];
  const closes = new Date(status.closesAt);
  if (closes.getTime() - now.getTime() > OPENING_MINUTES * 60_000) return [];
  return [outageMsg.closingSoon(clockOfIso(status.closesAt), nextOpeningAfter(line, closes).text)];
}

/** The notes an outage answer needs, unless the topic's own text already says them. */
export function outageNotes(existing: string): string[] {
  const notes: string[] = [];
  if (!existing.includes("担当者名")) notes.push(outageMsg.callWith);
  if (!existing.includes("その間は")) {
    notes.push(existing.includes("30分") ? outageMsg.meanwhileShort : outageMsg.meanwhile);
  }
  if (!existing.includes("システム障害時機能の利用報告")) notes.push(outageMsg.report);
  return notes;
}

import type { Closure, PhoneLine, Weekday } from "../knowledge/schema.js";
import type { LineStatus } from "./answer-model.js";
import { askClosureOn, closesOnHolidays, datedClosureOn, holidayName, type JstDay } from "./closures.js";
import { formatClock, formatJstMoment, lineMsg } from "./messages.js";

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY_KEYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
/** How far ahead to look for the next opening (a year of closures is more than any line has). */
const SEARCH_DAYS = 400;

function dayOf(shiftedMs: number): JstDay {
  const t = new Date(shiftedMs);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dow: t.getUTCDay() };
}

function addDays(day: JstDay, n: number): JstDay {
  return dayOf(Date.UTC(day.y, day.m - 1, day.d + n));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant `now` as JST day and minutes since JST midnight (independent of the machine's TZ). */
export function toJst(now: Date): { day: JstDay; minutes: number; seconds: number } {
  const shifted = now.getTime() + JST_OFFSET_MS;
  const sinceMidnight = ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
  return {
    day: dayOf(shifted),
    minutes: Math.floor(sinceMidnight / 60_000),
    seconds: Math.floor(sinceMidnight / 1000),
  };
}

function isoAt(day: JstDay, minutes: number, seconds = 0): string {
  const base = Date.UTC(day.y, day.m - 1, day.d) + minutes * 60_000 + seconds * 1000;
  const t = new Date(base);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+09:00`;
}

/** ISO-8601 with +09:00, to the second: 2026-11-23T10:00:00+09:00. */
export function formatJstIso(now: Date): string {
  const { day, seconds } = toJst(now);
  return isoAt(day, 0, seconds);
}

/** 「14:05」: the moment a status was computed for, shown beside it in every channel. */
export function formatAsOf(now: Date): string {
  return formatClock(toJst(now).minutes);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function hoursOn(line: PhoneLine, day: JstDay): { open: number; close: number }[] {
  const key = WEEKDAY_KEYS[day.dow];
  return line.hours
    .filter((h) => key !== undefined && h.days.includes(key))
    .map((h) => ({ open: toMinutes(h.open), close: toMinutes(h.close) }))
    .sort((a, b) => a.open - b.open);
}

function weekendReason(line: PhoneLine, day: JstDay): string | undefined {
  if (day.dow !== 0 && day.dow !== 6) return undefined;
  const openSat = line.hours.some((h) => h.days.includes("sat"));
  const openSun = line.hours.some((h) => h.days.includes("sun"));
  if (!openSat && !openSun) return lineMsg.reasonWeekend;
  return day.dow === 6 ? lineMsg.reasonSaturday : lineMsg.reasonSunday;
}

/** Closed all day by what the guide states (dated closure, public holiday, no hours that weekday) and why. */
function dayClosure(line: PhoneLine, day: JstDay): { readonly reason: string | undefined } | undefined {
  const dated = datedClosureOn(line, day);
  if (dated) return { reason: dated.label.replace(/（.*$/u, "") };
  const holiday = holidayName(day);
  if (holiday && closesOnHolidays(line)) return { reason: lineMsg.reasonHoliday(holiday) };
  if (hoursOn(line, day).length === 0) return { reason: weekendReason(line, day) };
  return undefined;
}

type Next = { readonly day: JstDay; readonly minutes: number } | { readonly ask: Closure };

/** The next opening, or the undated closure that makes it unknown (never a time the guide cannot back). */
function nextOpening(line: PhoneLine, day: JstDay, minutes: number): Next | undefined {
  for (let k = 0; k <= SEARCH_DAYS; k++) {
    const d = k === 0 ? day : addDays(day, k);
    if (dayClosure(line, d) !== undefined) continue;
    const first = hoursOn(line, d).find((h) => k > 0 || h.open > minutes);
    if (!first) continue;
    const ask = askClosureOn(line, d);
    return ask ? { ask } : { day: d, minutes: first.open };
  }
  return undefined;
}

function nextSentence(next: Next | undefined): string {
  if (!next) return "";
  if ("ask" in next) return lineMsg.nextAsk(next.ask.label, next.ask.guide);
  return lineMsg.next(formatJstMoment(next.day.m, next.day.d, next.day.dow, next.minutes));
}

/** The next opening strictly after the closed period around `now`, as a sentence (要確認 when unknown). */
export function nextOpeningAfter(line: PhoneLine, now: Date): { readonly at?: string; readonly text: string } {
  if (line.allDay) return { text: "" };
  const { day, minutes } = toJst(now);
  const next = nextOpening(line, day, minutes);
  return next && !("ask" in next)
    ? { at: isoAt(next.day, next.minutes), text: nextSentence(next) }
    : { text: nextSentence(next) };
}

/** Undated closures are named every day; closures the guide is silent about, on the days they may apply. */
function caveatsOn(line: PhoneLine, day: JstDay): string[] {
  return line.closures.flatMap((c) => {
    if (c.guide === "undated") return [lineMsg.caveatUndated(c.label, line.hoursText)];
    if (c.guide === "silent" && askClosureOn(line, day) === c) return [lineMsg.caveatSilent(c.label, line.hoursText)];
    return [];
  });
}

/** The line's state at `now` in Asia/Tokyo: open until 18:00 exclusive, closed with the reason and the next opening. */
export function lineStatus(line: PhoneLine, now: Date): LineStatus {
  const base = {
    id: line.id,
    name: line.name,
    shortName: line.shortName,
    phone: line.phone,
    tel: `tel:${line.phone.replace(/-/g, "")}`,
    tollFree: line.tollFree,
    hoursText: line.hoursText,
    tellFirst: [...line.tellFirst],
    asOf: formatAsOf(now),
  };
  if (line.allDay) return { ...base, state: "open", statusText: lineMsg.allDay, caveats: [] };
  const { day, minutes } = toJst(now);
  const caveats = caveatsOn(line, day);
  const closure = dayClosure(line, day);
  const current =
    closure === undefined ? hoursOn(line, day).find((h) => h.open <= minutes && minutes < h.close) : undefined;
  if (current) {
    const ask = askClosureOn(line, day);
    const closes = formatClock(current.close);
    return {
      ...base,
      state: ask ? "uncertain" : "open",
      statusText: ask ? lineMsg.uncertain(ask.label, ask.guide, closes) : lineMsg.open(closes),
      closesAt: isoAt(day, current.close),
      caveats,
    };
  }
  const next = nextOpening(line, day, minutes);
  const reason = closure?.reason;
  return {
    ...base,
    state: "closed",
    statusText: lineMsg.closed(reason, nextSentence(next)),
    ...(reason !== undefined ? { reason } : {}),
    ...(next && !("ask" in next) ? { opensAt: isoAt(next.day, next.minutes) } : {}),
    caveats,
  };
}

import holidayJp from "@holiday-jp/holiday_jp";
import type { Closure, PhoneLine, Weekday } from "../knowledge/schema.js";
import type { LineStatus } from "./answer-model.js";
import { formatClock, formatJstMoment, lineMsg } from "./messages.js";

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY_KEYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const HOLIDAYS: Readonly<Record<string, { readonly name: string } | undefined>> = holidayJp.holidays;
/**
 * When the guide names 年末年始 without dates (キヤノン, アトラス), these days are shown as
 * "uncertain" (maybe closed), never as closed or plainly open; the caveat is shown on every day.
 */
const DEFAULT_YEAR_END = { from: "12-29", to: "01-03" } as const;
/** How far ahead to look for the next opening (a year of closures is more than any line has). */
const SEARCH_DAYS = 400;

/** A calendar day in Asia/Tokyo. */
interface JstDay {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly dow: number;
}

function dayOf(shiftedMs: number): JstDay {
  const t = new Date(shiftedMs);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dow: t.getUTCDay() };
}

function addDays(day: JstDay, n: number): JstDay {
  return dayOf(Date.UTC(day.y, day.m - 1, day.d + n));
}

const pad = (n: number) => String(n).padStart(2, "0");
const dateKey = (day: JstDay) => `${day.y}-${pad(day.m)}-${pad(day.d)}`;
const monthDay = (day: JstDay) => `${pad(day.m)}-${pad(day.d)}`;

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

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function hoursOn(line: PhoneLine, day: JstDay): { open: number; close: number }[] {
  const key = WEEKDAY_KEYS[day.dow];
  return line.hours
    .filter((h) => key !== undefined && h.days.includes(key))
    .map((h) => ({ open: toMinutes(h.open), close: toMinutes(h.close) }))
    .sort((a, b) => a.open - b.open);
}

function inWindow(day: JstDay, from: string, to: string): boolean {
  const md = monthDay(day);
  return from <= to ? from <= md && md <= to : md >= from || md <= to;
}

function yearEndWindow(c: Closure): { from: string; to: string } {
  return c.from !== undefined && c.to !== undefined ? { from: c.from, to: c.to } : DEFAULT_YEAR_END;
}

function weekendReason(line: PhoneLine, day: JstDay): string | undefined {
  if (day.dow !== 0 && day.dow !== 6) return undefined;
  const openSat = line.hours.some((h) => h.days.includes("sat"));
  const openSun = line.hours.some((h) => h.days.includes("sun"));
  if (!openSat && !openSun) return lineMsg.reasonWeekend;
  return day.dow === 6 ? lineMsg.reasonSaturday : lineMsg.reasonSunday;
}

/** Closed all day (year-end with dates, public holiday, no hours that weekday) and why; undefined when not. */
function dayClosure(line: PhoneLine, day: JstDay): { readonly reason: string | undefined } | undefined {
  for (const c of line.closures) {
    if (c.kind === "year-end" && c.datesInGuide) {
      const w = yearEndWindow(c);
      if (inWindow(day, w.from, w.to)) return { reason: lineMsg.reasonYearEnd };
    }
  }
  const holiday = HOLIDAYS[dateKey(day)];
  if (holiday && line.closures.some((c) => c.kind === "public-holidays")) {
    return { reason: lineMsg.reasonHoliday(holiday.name) };
  }
  if (hoursOn(line, day).length === 0) return { reason: weekendReason(line, day) };
  return undefined;
}

/** A year-end closure the guide names without dates covers this day (maybe closed). */
function maybeYearEnd(line: PhoneLine, day: JstDay): boolean {
  return line.closures.some((c) => {
    if (c.kind !== "year-end" || c.datesInGuide) return false;
    const w = yearEndWindow(c);
    return inWindow(day, w.from, w.to);
  });
}

function nextOpening(line: PhoneLine, day: JstDay, minutes: number): { day: JstDay; minutes: number } | undefined {
  if (dayClosure(line, day) === undefined) {
    const later = hoursOn(line, day).find((h) => h.open > minutes);
    if (later) return { day, minutes: later.open };
  }
  for (let k = 1; k <= SEARCH_DAYS; k++) {
    const d = addDays(day, k);
    if (dayClosure(line, d) !== undefined) continue;
    const first = hoursOn(line, d)[0];
    if (first) return { day: d, minutes: first.open };
  }
  return undefined;
}

/** The next opening strictly after the closed period around `now` (the next one at all if it is open now). */
export function nextOpeningAfter(
  line: PhoneLine,
  now: Date,
): { readonly at: string; readonly text: string } | undefined {
  if (line.allDay) return undefined;
  const { day, minutes } = toJst(now);
  const next = nextOpening(line, day, minutes);
  return next
    ? { at: isoAt(next.day, next.minutes), text: formatJstMoment(next.day.m, next.day.d, next.day.dow, next.minutes) }
    : undefined;
}

/** The line's state at `now` in Asia/Tokyo: open until 18:00 exclusive, closed with the reason and the next opening. */
function undatedClosureCaveats(line: PhoneLine): string[] {
  const caveats: string[] = [];
  if (line.closures.some((c) => c.kind === "year-end" && !c.datesInGuide)) caveats.push(lineMsg.caveatYearEnd);
  if (line.closures.some((c) => c.kind === "summer" && !c.datesInGuide)) caveats.push(lineMsg.caveatSummer);
  return caveats;
}

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
  };
  if (line.allDay) return { ...base, state: "open", statusText: lineMsg.allDay, caveats: [] };
  const { day, minutes } = toJst(now);
  // Closures the guide names without dates are said every time: no date can be ruled in or out.
  const caveats = undatedClosureCaveats(line);
  const closure = dayClosure(line, day);
  const current =
    closure === undefined ? hoursOn(line, day).find((h) => h.open <= minutes && minutes < h.close) : undefined;
  if (current) {
    const uncertain = maybeYearEnd(line, day);
    const closes = formatClock(current.close);
    return {
      ...base,
      state: uncertain ? "uncertain" : "open",
      statusText: uncertain ? lineMsg.uncertain(closes) : lineMsg.open(closes),
      closesAt: isoAt(day, current.close),
      caveats,
    };
  }
  const next = nextOpening(line, day, minutes);
  const opens = next ? formatJstMoment(next.day.m, next.day.d, next.day.dow, next.minutes) : undefined;
  const reason = closure?.reason;
  return {
    ...base,
    state: "closed",
    statusText: lineMsg.closed(reason, opens),
    ...(reason !== undefined ? { reason } : {}),
    ...(next ? { opensAt: isoAt(next.day, next.minutes) } : {}),
    caveats,
  };
}

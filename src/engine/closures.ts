import holidayJp from "@holiday-jp/holiday_jp";
import type { Closure, PhoneLine } from "../knowledge/schema.js";

/** A calendar day in Asia/Tokyo. */
export interface JstDay {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly dow: number;
}

interface HolidayEntry {
  readonly name: string;
  readonly name_en?: string;
}
const HOLIDAYS: Readonly<Record<string, HolidayEntry | undefined>> = holidayJp.holidays;

const pad = (n: number) => String(n).padStart(2, "0");
export const dateKey = (day: JstDay) => `${day.y}-${pad(day.m)}-${pad(day.d)}`;
const monthDay = (day: JstDay) => `${pad(day.m)}-${pad(day.d)}`;

/**
 * The holiday's name as a calendar prints it. @holiday-jp/holiday_jp names both a 国民の休日
 * (the day between two holidays: 2026-09-22) and some 振替休日 plain 「休日」; its English name tells them apart.
 */
export function holidayName(day: JstDay): string | undefined {
  const h = HOLIDAYS[dateKey(day)];
  if (!h) return undefined;
  if (h.name !== "休日") return h.name;
  if (h.name_en === "Citizen's Holiday") return "国民の休日";
  return "振替休日";
}

export function inWindow(day: JstDay, from: string, to: string): boolean {
  const md = monthDay(day);
  return from <= to ? from <= md && md <= to : md >= from || md <= to;
}

/** A closure the guide dates (富士通 年末年始（12/29～1/3）) covering the day. */
export function datedClosureOn(line: PhoneLine, day: JstDay): Closure | undefined {
  return line.closures.find(
    (c) =>
      c.kind !== "public-holidays" &&
      c.guide === "dated" &&
      c.from !== undefined &&
      c.to !== undefined &&
      inWindow(day, c.from, c.to),
  );
}

/** A closure the guide leaves undated, or does not mention for this line, whose 要確認 window covers the day. */
export function askClosureOn(line: PhoneLine, day: JstDay): Closure | undefined {
  return line.closures.find((c) => c.guide !== "dated" && c.ask !== undefined && inWindow(day, c.ask.from, c.ask.to));
}

export const closesOnHolidays = (line: PhoneLine) => line.closures.some((c) => c.kind === "public-holidays");

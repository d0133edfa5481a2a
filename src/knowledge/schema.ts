import { z } from "zod";

// Validation messages in Japanese: the knowledge base and the settings are edited by Japanese staff.
z.config(z.locales.ja());

/**
 * A topic ID as docs/spec/topics.md writes it: 1-1, 2-4-emergency, 3-reader-canon, none. The set of
 * IDs is the set of files in data/topics/ (checked against the contract by kb:check and a test):
 * a new section of the guide is a new file, never a code change.
 */
export type TopicId = string;
export const topicIdSchema = z
  .string()
  .regex(/^(none|\d+(-[0-9a-z]+)*)$/, "トピック ID は 1-1、2-4-emergency、3-reader-canon、none のように書いてください");

const text = z.string().trim().min(1, "空の文字列は使えません");
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "時刻は HH:MM（00:00～24:00）で書いてください");
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "日付は MM-DD で書いてください");
/** Japanese phone numbers as the guide writes them: 0800-080-4583, 0120-924-524, 03-6636-0333. */
export const phoneNumber = z
  .string()
  .regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, "電話番号は 0から始まり、ハイフン区切りで書いてください（例 0800-080-4583）")
  .refine((n) => n.replace(/-/g, "").length === 10 || n.replace(/-/g, "").length === 11, {
    message: "電話番号の桁数が正しくありません（10桁または11桁）",
  });
const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, "ID は英小文字・数字・ハイフンで書いてください");
const weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof weekday>;

export const openingHoursSchema = z
  .object({
    days: z.array(weekday).min(1),
    open: hhmm,
    close: hhmm,
  })
  .strict()
  .refine((h) => h.open < h.close, { message: "open は close より前の時刻にしてください" });

/**
 * A closure of a line. `guide: dated` — the guide names it with dates (富士通 年末年始（12/29～1/3）);
 * `undated` — the guide names it without dates (キヤノン 夏期休暇); `silent` — the guide says nothing
 * about this period for the line (コールセンター 年末年始). Undated and silent days are never shown as
 * open or closed: from `ask.from` to `ask.to` they are 要確認 (that window is ours, not the guide's).
 */
export const closureSchema = z
  .object({
    kind: z.enum(["public-holidays", "year-end", "summer"]),
    label: text,
    guide: z.enum(["dated", "undated", "silent"]),
    from: monthDay.optional(),
    to: monthDay.optional(),
    /** Days shown as 要確認 for an undated or silent closure (not from the guide: a cautious window). */
    ask: z.object({ from: monthDay, to: monthDay }).strict().optional(),
  })
  .strict()
  .refine((c) => c.kind === "public-holidays" || c.guide !== "dated" || (c.from !== undefined && c.to !== undefined), {
    message: "guide: dated の休業には from と to が必要です",
  })
  .refine((c) => c.guide === "dated" || c.kind === "public-holidays" || c.ask !== undefined, {
    message: "guide: undated / silent の休業には ask（要確認とする期間）が必要です",
  });

export const phoneLineSchema = z
  .object({
    id: slug,
    name: text,
    shortName: text,
    kind: z.enum(["callcenter", "reader-maker"]),
    phone: phoneNumber,
    tollFree: z.boolean(),
    /** The guide's own wording of the hours, shown beside the computed status. */
    hoursText: text,
    /** true: 24 hours, 365 days (アルメックス). */
    allDay: z.boolean().default(false),
    hours: z.array(openingHoursSchema),
    closures: z.array(closureSchema),
    /** What to say first when calling (the guide: 医療機関コード, 医療機関・薬局名). */
    tellFirst: z.array(text).default([]),
    topic: topicIdSchema,
    aliases: z.array(text).default([]),
    source: text,
  })
  .strict()
  .refine((l) => l.allDay || l.hours.length > 0, { message: "allDay でない窓口には hours が必要です" });

export const linkSchema = z
  .object({
    id: slug,
    title: text,
    url: z.url({ protocol: /^https$/, message: "URL は https:// で始めてください" }),
    note: text.optional(),
    source: text,
  })
  .strict();

/** Parties the guide sends staff to that have no phone number in the guide. */
export const partySchema = z
  .object({
    id: z.enum(["vendor", "insurer", "welfare-office", "reader-maker"]),
    name: text,
    description: text,
    source: text,
  })
  .strict();

export const contactsFileSchema = z
  .object({
    phoneLines: z.array(phoneLineSchema).min(1),
    links: z.array(linkSchema),
    parties: z.array(partySchema),
  })
  .strict();

export const stepSchema = z
  .object({
    text,
    substeps: z.array(text).default([]),
    notes: z.array(text).default([]),
  })
  .strict();

export const variantSchema = z
  .object({
    id: slug,
    label: text,
    /** Exact screen messages as the guide prints them (recognised by the matcher). */
    screenMessages: z.array(text).min(1),
    /** Words that pin this variant when staff paraphrase the screen (「該当なしって出た」). */
    cues: z.array(text).default([]),
    /** 1-② table: 資格確認結果, 資格の状態; 2-① the message's meaning. */
    result: text.optional(),
    state: text.optional(),
    steps: z.array(stepSchema).default([]),
    notes: z.array(text).default([]),
  })
  .strict();

/** 1-④: a wrong combination and its right counterpart. */
export const comboRowSchema = z
  .object({
    no: z.number().int().positive(),
    wrong: z.object({ ratio: text, category: text }).strict(),
    right: z.object({ ratio: text, category: text }).strict(),
    /** Machine-readable values for the checker: ratios "1"|"2"|"3", categories "現役並み"|"一般"|"低所得". */
    ratios: z.array(z.enum(["1", "2", "3"])).min(1),
    rightCategories: z.array(z.enum(["現役並み", "一般", "低所得"])).min(1),
  })
  .strict();

/** 1-①: a known difference between the online result and the card face. */
export const differencePatternSchema = z
  .object({
    id: slug,
    label: text,
    guideText: text,
    cues: z.array(text).min(1),
  })
  .strict();

export const crossRefSchema = z
  .object({
    topic: topicIdSchema,
    relation: z.enum(["procedure", "exception", "see-also"]),
    text,
    /** Show the referenced section's steps inline (default: only for relation "procedure"). */
    carrySteps: z.boolean().optional(),
  })
  .strict();

export const clarifySchema = z
  .object({
    question: text,
    /**
     * When the question is not asked: "choice" — the text already names a choice or a row is pinned;
     * "method" — the text, a chosen fact or the row says how eligibility was checked (マイナンバーカード /
     * 資格確認書; the answer then shows only that method's sentences); "nothing" — always asked.
     */
    settledBy: z.enum(["choice", "method", "nothing"]).default("choice"),
    choices: z
      .array(
        z
          .object({
            label: text,
            topic: topicIdSchema,
            variant: slug.optional(),
            /** Appended to the query when chosen, so the next answer can use the fact. */
            fact: text.optional(),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

export const matchingSchema = z
  .object({
    examples: z.array(text).min(15, "examples は15件以上必要です"),
    keywords: z.array(text).min(1),
    synonyms: z.array(text).default([]),
    english: z.array(text).default([]),
  })
  .strict();

export const topicSchema = z
  .object({
    id: topicIdSchema,
    /** Where the topic stands in lists and menus (the guide's order); ties by ID. */
    order: z.number().int().nonnegative().optional(),
    /** As the guide writes it: 1-②, 2-④, 3. */
    section: text,
    sectionTitle: text,
    title: text,
    /** The situation in staff's words. */
    situation: text,
    summary: text,
    /** A short polite sentence an agent can read aloud on a call. */
    readAloud: text,
    steps: z.array(stepSchema).default([]),
    notes: z.array(text).default([]),
    variants: z.array(variantSchema).default([]),
    comboTable: z.array(comboRowSchema).default([]),
    differencePatterns: z.array(differencePatternSchema).default([]),
    /** The guide's sentence that introduces its list of differencePatterns (1-①「下記の場合…」). */
    differenceLead: text.optional(),
    /** A checker run on the staff's description: 1-④ combination table, 1-① known differences. */
    checker: z.enum(["combination", "difference"]).optional(),
    /**
     * Outage handling (2-④): the call center is always shown with its status, a warning when it is
     * closed or closes before the function can be opened, the function-opening notes.
     */
    outage: z.boolean().default(false),
    /** Offered on the Teams welcome card and the page's first screen. */
    common: z.boolean().default(false),
    crossRefs: z.array(crossRefSchema).default([]),
    phoneLines: z.array(slug).default([]),
    parties: z.array(z.enum(["vendor", "insurer", "welfare-office", "reader-maker"])).default([]),
    links: z.array(slug).default([]),
    related: z.array(topicIdSchema).default([]),
    clarify: clarifySchema.optional(),
    /** The guide's wording this entry rests on (typos corrected, meaning unchanged). */
    source: z
      .object({
        section: text,
        pages: z.array(z.string().regex(/^P\d+$/)).default([]),
        quotes: z.array(text).min(1),
      })
      .strict(),
    matching: matchingSchema,
  })
  .strict();

export type PhoneLine = z.infer<typeof phoneLineSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type Closure = z.infer<typeof closureSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Party = z.infer<typeof partySchema>;
export type ContactsFile = z.infer<typeof contactsFileSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type ComboRow = z.infer<typeof comboRowSchema>;
export type DifferencePattern = z.infer<typeof differencePatternSchema>;
export type CrossRef = z.infer<typeof crossRefSchema>;
export type Clarify = z.infer<typeof clarifySchema>;
export type Topic = z.infer<typeof topicSchema>;

export interface KnowledgeBase {
  /** How answers cite the guide the knowledge base was written from: title, edition, SHA-256 start. */
  readonly citation: string;
  readonly topics: ReadonlyMap<TopicId, Topic>;
  readonly phoneLines: ReadonlyMap<string, PhoneLine>;
  readonly links: ReadonlyMap<string, Link>;
  readonly parties: ReadonlyMap<string, Party>;
}

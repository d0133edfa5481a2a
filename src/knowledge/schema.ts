import { z } from "zod";

// Validation messages in Japanese: the knowledge base and the settings are edited by Japanese staff.
z.config(z.locales.ja());

/** The 21 topic IDs of docs/spec/topics.md: a public contract, never renamed. */
export const TOPIC_IDS = [
  "1-1",
  "1-2",
  "1-3",
  "1-4",
  "2-1",
  "2-2",
  "2-3",
  "2-4",
  "2-4-emergency",
  "2-5",
  "3-callcenter",
  "3-form",
  "3-vendor",
  "3-reader",
  "3-reader-fujitsu",
  "3-reader-panasonic",
  "3-reader-almex",
  "3-reader-canon",
  "3-reader-atlas",
  "3-links",
  "none",
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

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

/** A closure named by the guide. `from`/`to` only where the guide itself gives the dates. */
export const closureSchema = z
  .object({
    kind: z.enum(["public-holidays", "year-end", "summer"]),
    label: text,
    from: monthDay.optional(),
    to: monthDay.optional(),
    datesInGuide: z.boolean(),
  })
  .strict()
  .refine((c) => c.kind !== "year-end" || !c.datesInGuide || (c.from !== undefined && c.to !== undefined), {
    message: "datesInGuide: true の年末年始には from と to が必要です",
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
    topic: z.enum(TOPIC_IDS),
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
    topic: z.enum(TOPIC_IDS),
    relation: z.enum(["procedure", "exception", "see-also"]),
    text,
  })
  .strict();

export const clarifySchema = z
  .object({
    question: text,
    choices: z
      .array(
        z
          .object({
            label: text,
            topic: z.enum(TOPIC_IDS),
            variant: slug.optional(),
            /** Appended to the query when chosen, so the next answer can use the fact. */
            fact: text.optional(),
            /**
             * Words that already give this answer (顔認証・リーダー: the check was made with the card): a text
             * naming the cues of this choice only is answered as if the choice had been picked.
             */
            cues: z.array(text).default([]),
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
    id: z.enum(TOPIC_IDS),
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
    crossRefs: z.array(crossRefSchema).default([]),
    phoneLines: z.array(slug).default([]),
    parties: z.array(z.enum(["vendor", "insurer", "welfare-office", "reader-maker"])).default([]),
    links: z.array(slug).default([]),
    related: z.array(z.enum(TOPIC_IDS)).default([]),
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

/**
 * The guide's page references, mapped to the sections they point at. P3 is named by the guide
 * itself (1-③: 「P3の『② 資格確認が「無効」…』」); P6 and P9 follow from the same page count
 * (1-② P3, 1-③ P4–5, 1-④ P6, 2-① P7, 2-② P8, 2-③ P9): the two cases where the online result
 * is not billed as shown.
 */
export const PAGE_TO_TOPIC: Readonly<Record<string, TopicId>> = {
  P3: "1-2",
  P6: "1-4",
  P9: "2-3",
};

export interface KnowledgeBase {
  readonly topics: ReadonlyMap<TopicId, Topic>;
  readonly phoneLines: ReadonlyMap<string, PhoneLine>;
  readonly links: ReadonlyMap<string, Link>;
  readonly parties: ReadonlyMap<string, Party>;
}

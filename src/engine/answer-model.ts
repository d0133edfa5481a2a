import type { Link, Party, Step, TopicId } from "../knowledge/schema.js";

/** A question as every channel hands it to the engine. */
export interface Query {
  readonly text: string;
  /** Fixes the clock (tests, agents asking about another time). Defaults to the real time. */
  readonly now?: Date;
  /** Set when the user picked a topic from a button (no matching needed). */
  readonly topic?: TopicId;
  readonly variant?: string;
  /** A fact chosen in a clarifying question (e.g. 「マイナンバーカードで確認」). */
  readonly fact?: string;
  /** Set by a conversation: how earlier turns decided this answer. */
  readonly context?: QueryContext;
}

export interface QueryContext {
  /** 「富士通Japan（前の回答）について」: shown above the answer. */
  readonly about?: string;
  /** The step a fact about the patient moved the answer to (0-based) and how to say so. */
  readonly step?: number;
  readonly stepNote?: string;
  /** Lead with the line's status even when the text has no time words of its own (「1月3日は？」). */
  readonly timeQuestion?: boolean;
}

/** How the conversation decided the answer (absent for a question answered on its own). */
export interface AnswerContext {
  readonly about: string;
  readonly step?: number;
  readonly stepNote?: string;
}

export type LineState = "open" | "closed" | "uncertain";

/** A phone line with its status at `Answer.now` (Asia/Tokyo). */
export interface LineStatus {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly phone: string;
  /** tel:08000804583 */
  readonly tel: string;
  readonly tollFree: boolean;
  readonly hoursText: string;
  readonly state: LineState;
  /** 「受付中（18:00まで）」「受付時間外（祝日：勤労感謝の日）。次の受付開始は11月24日（火）8:00です。」 */
  readonly statusText: string;
  /** 「14:05」 (Asia/Tokyo): when the status was true; every channel shows 「14:05 時点」 beside it. */
  readonly asOf: string;
  /** Why it is closed now, when closed all day: 「土曜・日曜」「祝日：勤労感謝の日」「年末年始」. */
  readonly reason?: string;
  /** ISO-8601 with +09:00. */
  readonly closesAt?: string;
  readonly opensAt?: string;
  /** Closures the guide names without dates (キヤノン 夏期休暇 …) or does not mention (コールセンター 年末年始), in its own words. */
  readonly caveats: readonly string[];
  readonly tellFirst: readonly string[];
}

export interface TopicRef {
  readonly topic: TopicId;
  readonly title: string;
  readonly section: string;
}

export interface ClarifyChoice {
  readonly label: string;
  readonly topic: TopicId;
  readonly variant?: string;
  readonly fact?: string;
}

export interface Clarification {
  readonly question: string;
  readonly choices: readonly ClarifyChoice[];
}

export interface VariantRow {
  readonly id: string;
  readonly label: string;
  readonly result?: string;
  readonly state?: string;
  readonly screenMessages: readonly string[];
}

/** The guide's own list of known differences (1-①), item by item with its examples. */
export interface KnownDifferences {
  readonly lead: string;
  readonly items: readonly { readonly text: string; readonly examples: readonly string[] }[];
}

/** 1-④ / 1-① checker outcome. */
export interface CheckResult {
  readonly kind: "combination" | "difference";
  /** combination: fits / does-not-fit / unknown; difference: the pattern ids found. */
  readonly verdict: "fits" | "does-not-fit" | "unknown" | "known-pattern" | "no-pattern";
  readonly findings: readonly string[];
  readonly text: string;
}

export interface ExpandedCrossRef extends TopicRef {
  readonly relation: "procedure" | "exception" | "see-also";
  readonly text: string;
  /** For relation "procedure": the steps of the referenced section, carried along. */
  readonly steps: readonly Step[];
}

/** One plain-data answer that every channel renders its own way. */
export interface Answer {
  readonly topic: TopicId;
  readonly variant?: string;
  readonly section: string;
  readonly sectionTitle: string;
  readonly title: string;
  readonly summary: string;
  readonly readAloud: string;
  readonly steps: readonly Step[];
  readonly notes: readonly string[];
  readonly variantRow?: VariantRow;
  /** The fact the answer rests on: chosen in a clarifying question, or read from the text (1-②: 「マイナンバーカード」「資格確認書」). */
  readonly fact?: string;
  readonly lines: readonly LineStatus[];
  readonly parties: readonly Party[];
  readonly links: readonly Link[];
  readonly crossRefs: readonly ExpandedCrossRef[];
  readonly related: readonly TopicRef[];
  /** Close runners-up ("did you mean"), best first. */
  readonly alternatives: readonly (TopicRef & { readonly confidence: number })[];
  readonly clarify?: Clarification;
  readonly check?: CheckResult;
  /** 1-①: the guide's list of differences that may occur, always shown in full. */
  readonly knownDifferences?: KnownDifferences;
  /** Fixed warnings added by the engine (e.g. a 個人番号 was pasted). */
  readonly warnings: readonly string[];
  readonly confidence: number;
  readonly source: {
    /** Title, edition and SHA-256 start of the guide (guide/guide.yaml). */
    readonly guide: string;
    readonly section: string;
    readonly pages: readonly string[];
    readonly quotes: readonly string[];
  };
  /** ISO-8601 (+09:00) instant the line statuses were computed for. */
  readonly now: string;
  readonly context?: AnswerContext;
}

import type { KnowledgeBase, PhoneLine, Topic, TopicId } from "../../knowledge/schema.js";
import { CONFIDENT } from "../../nlp/calibration.js";
import type { MatchResult } from "../../nlp/match-result.js";
import { methodsNamed } from "../clarify.js";
import { isTimeQuestion, namedLines } from "../line-answers.js";
import { normalizedWord } from "../prepare-text.js";
import type { ConversationState, PendingChoice } from "./conversation-state.js";
import {
  asksUnstated,
  asksWhom,
  isEscalation,
  isQuestion,
  lacksDocument,
  mentionsDocument,
  mentionsTime,
  newMatter,
  pointsBack,
} from "./message-cues.js";

/** How a message was read in the light of the conversation. */
export interface Reading {
  readonly id: TopicId;
  readonly variant?: string;
  readonly fact?: string;
  readonly context: boolean;
  /** The phone line the message is about (a time question, a maker named). */
  readonly line?: string;
  readonly timeQuestion: boolean;
  /** The step a fact about the patient moved the answer to (0-based). */
  readonly step?: number;
  /** A fact about the patient the topic's section does not cover. */
  readonly uncovered?: boolean;
}

export interface FollowUpOptions {
  /** A different topic the matcher is at least this sure of stands on its own. */
  readonly standAlone: number;
}

export const DEFAULT_FOLLOW_UP: FollowUpOptions = { standAlone: 0.6 };

/**
 * A statement in a live conversation is a fact about the case unless the matcher is confident of another
 * topic (the level the confidence map is fitted to be right at).
 */
const STATEMENT_STANDS_ALONE = CONFIDENT;
/** A question the matcher finds outside the guide, with this much to go on, is a new question. */
const OUT_OF_GUIDE = 0.9;
const OUT_OF_GUIDE_MIN_CHARS = 10;
const SHORT_QUESTION_CHARS = 12;
/** A contact topic must score this much among the alternatives to answer 「誰に聞けば？」. */
const CONTACT_MIN = 0.2;
const SHORT_ANSWER_CHARS = 14;

const TRAILING =
  /(?:です|でした|だった|だ|のやつ|のです|製|の方|のほう|のもの|さん|社|株式会社|って|みたい|かな|[、。!！?？\s])+$/u;

function choiceNames(kb: KnowledgeBase, choice: PendingChoice): string[] {
  const names = [choice.label, choice.fact ?? ""];
  for (const line of kb.phoneLines.values()) {
    if (line.topic === choice.topic && line.kind === "reader-maker")
      names.push(line.name, line.shortName, ...line.aliases);
  }
  return names.map((n) => normalizedWord(n)).filter((n) => n.length > 0);
}

/** The pending clarifying question's choice this message gives, if exactly one. */
export function answeredChoice(
  kb: KnowledgeBase,
  norm: string,
  pending: readonly PendingChoice[],
): PendingChoice | undefined {
  const said = norm.replace(TRAILING, "");
  const methods = methodsNamed(norm);
  const hits = pending.filter((c) => {
    if (choiceNames(kb, c).some((n) => norm.includes(n))) return true;
    const m = methodsNamed(c.fact ?? c.label);
    if (methods.length === 1 && m.length === 1 && m[0] === methods[0]) return true;
    return said.length >= 2 && said.length <= SHORT_ANSWER_CHARS && choiceNames(kb, c).some((n) => n.includes(said));
  });
  const topics = new Set(hits.map((h) => `${h.topic}/${h.variant ?? ""}/${h.fact ?? ""}`));
  return topics.size === 1 ? hits[0] : undefined;
}

const makerLines = (kb: KnowledgeBase, norm: string) => namedLines(kb, norm).filter((l) => l.kind === "reader-maker");

function stepsOf(topic: Topic, variantId: string | undefined) {
  const variant =
    topic.variants.find((v) => v.id === variantId) ?? (topic.steps.length === 0 ? topic.variants[0] : undefined);
  return variant?.steps && variant.steps.length > 0 ? variant.steps : topic.steps;
}

const stepsText = (topic: Topic, variantId: string | undefined) =>
  stepsOf(topic, variantId).flatMap((s) => [s.text, ...s.substeps]);

/** The step a missing document moves to: the one for when the first cannot be done. */
export function fallbackStep(topic: Topic, variantId: string | undefined): number | undefined {
  const steps = stepsOf(topic, variantId);
  const i = steps.findIndex((s, n) => n > 0 && /できない場合|所持していない場合|持っていない場合/u.test(s.text));
  return i > 0 ? i : undefined;
}

/**
 * The phone line an answer on this topic names or implies: its own single line, the call center
 * when the section names none, nothing when it lists several (3-reader: the maker is not known).
 */
export function impliedLine(kb: KnowledgeBase, id: TopicId): string | undefined {
  const lines = kb.topics.get(id)?.phoneLines ?? [];
  if (lines.length > 1) return undefined;
  const own: PhoneLine | undefined = lines[0] ? kb.phoneLines.get(lines[0]) : undefined;
  return (own ?? [...kb.phoneLines.values()].find((l) => l.kind === "callcenter"))?.id;
}

const alone = (m: MatchResult, timeQuestion: boolean): Reading => ({
  id: m.id,
  ...(m.variant !== undefined ? { variant: m.variant } : {}),
  context: false,
  timeQuestion,
});

const sectionTexts = new WeakMap<Topic, string>();

/** Everything a section says (its lines' toll-free status included), for 「does the guide state it?」. */
function sectionText(topic: Topic): string {
  let text = sectionTexts.get(topic);
  if (text === undefined) {
    const steps = [...topic.steps, ...topic.variants.flatMap((v) => v.steps ?? [])];
    text = [
      topic.title,
      topic.summary,
      ...topic.notes,
      ...steps.flatMap((s) => [s.text, ...s.substeps, ...s.notes]),
      ...topic.variants.flatMap((v) => [v.state ?? "", ...v.notes]),
    ].join("\n");
    sectionTexts.set(topic, text);
  }
  return text;
}

/** Reads a message that is not an act, in the light of the last answer (`state`, fresh). */
export function readFollowUp(
  kb: KnowledgeBase,
  norm: string,
  m: MatchResult,
  state: ConversationState | undefined,
  options: FollowUpOptions = DEFAULT_FOLLOW_UP,
): Reading {
  const reading = readInContext(kb, norm, m, state, options);
  // A follow-up asking a cost or a duration the section never states has no answer in the guide.
  const topic = state && !reading.timeQuestion && reading.id !== "none" ? kb.topics.get(reading.id) : undefined;
  if (topic && asksUnstated(norm, sectionText(topic))) return { id: "none", context: false, timeQuestion: false };
  return reading;
}

function readInContext(
  kb: KnowledgeBase,
  norm: string,
  m: MatchResult,
  state: ConversationState | undefined,
  options: FollowUpOptions = DEFAULT_FOLLOW_UP,
): Reading {
  const timeQuestion = isTimeQuestion(norm) || mentionsTime(norm);
  if (!state) return alone(m, timeQuestion);
  const keep = (extra: Partial<Reading> = {}): Reading => ({
    id: state.topic,
    ...(state.variant !== undefined ? { variant: state.variant } : {}),
    context: true,
    timeQuestion,
    ...extra,
  });
  const choice = state.pending ? answeredChoice(kb, norm, state.pending) : undefined;
  if (choice) {
    const variant = choice.variant ?? (choice.topic === state.topic ? state.variant : undefined);
    return {
      id: choice.topic,
      ...(variant !== undefined ? { variant } : {}),
      ...(choice.fact !== undefined ? { fact: choice.fact } : {}),
      context: true,
      timeQuestion,
    };
  }
  const back = pointsBack(norm);
  // A quoted screen message names its row: evidence enough on its own.
  const screen = m.id !== "none" && m.variant !== undefined;
  if (screen && !back) {
    return m.id === state.topic && m.variant === undefined ? keep({ context: false }) : alone(m, timeQuestion);
  }
  if (newMatter(norm) && m.id !== "none") return alone(m, timeQuestion);
  const makers = makerLines(kb, norm);
  if (makers.length === 1 && makers[0]) {
    const line = makers[0];
    return { id: line.topic, context: m.id !== line.topic, line: line.id, timeQuestion };
  }
  if (timeQuestion) {
    const named = namedLines(kb, norm)[0];
    if (named) return { id: named.topic, context: false, line: named.id, timeQuestion };
    const lineId = state.line ?? impliedLine(kb, state.topic);
    const line = lineId ? kb.phoneLines.get(lineId) : undefined;
    return line ? { id: line.topic, context: true, line: line.id, timeQuestion } : keep();
  }
  if (isEscalation(norm)) {
    const line = kb.phoneLines.get(impliedLine(kb, "none") ?? "");
    if (line) return { id: line.topic, context: true, line: line.id, timeQuestion };
  }
  const topic = kb.topics.get(state.topic);
  const question = isQuestion(norm);
  // 「資格確認書も持ってないです」 is about this patient; 「カードを忘れた人は？」 asks about others: a new question.
  const additive = /も(?:持|な|無|忘|見せ|出せ)/u.test(norm);
  const aboutThisPatient = !question || back || additive;
  if (topic && aboutThisPatient && lacksDocument(norm) && stepsText(topic, state.variant).some(mentionsDocument)) {
    const step = fallbackStep(topic, state.variant);
    if (step !== undefined) return keep({ step });
    // The section has no step for a missing document. 「それも持ってきてない」 is still this patient (the guide
    // does not cover it); a plain statement the matcher is sure is another topic is a new case
    // (「患者がカードを忘れた」 after 1-③ is 2-②).
    const anotherCase = m.id !== "none" && m.id !== state.topic && m.confidence >= STATEMENT_STANDS_ALONE;
    if (!anotherCase || additive || back) return { ...keep({ uncovered: true }), id: "none" };
  }
  if (back) return keep();
  // A line the last answer already named is part of that answer (「コールセンターから電話が来るのは誰宛て？」).
  const ownLines = new Set(topic?.phoneLines ?? []);
  const named = namedLines(kb, norm);
  if (named.length > 0 && named.every((l) => ownLines.has(l.id))) return keep();
  if (question && asksWhom(norm) && topic && topic.phoneLines.length === 0 && topic.parties.length === 0) {
    const namesContact = (id: string) => {
      const t = kb.topics.get(id);
      return id !== "none" && t !== undefined && (t.phoneLines.length > 0 || t.parties.length > 0);
    };
    const contact = [m, ...m.alternatives].find((a) => namesContact(a.id) && a.confidence >= CONTACT_MIN);
    if (contact) return { id: contact.id, context: true, timeQuestion };
  }
  // A statement, or a short question (「どれくらい待つの？」), says too little to leave the conversation on its own.
  const short = norm.length <= SHORT_QUESTION_CHARS;
  const sure = question && !short ? options.standAlone : STATEMENT_STANDS_ALONE;
  if (m.id !== "none" && m.id !== state.topic && m.confidence >= sure) return alone(m, timeQuestion);
  if (m.id === state.topic) return keep({ ...(m.variant !== undefined ? { variant: m.variant } : {}), context: false });
  if (m.id === "none" && question && m.confidence >= OUT_OF_GUIDE && norm.length >= OUT_OF_GUIDE_MIN_CHARS) {
    return alone(m, timeQuestion);
  }
  return keep();
}

import type { KnowledgeBase, Topic } from "../knowledge/schema.js";
import type { Matcher } from "../nlp/match-result.js";
import type { Answer, AnswerContext, CheckResult, LineStatus, Query } from "./answer-model.js";
import { checkCombination } from "./check-combination.js";
import { checkDifference } from "./check-difference.js";
import { decideClarify, methodFacts, methodLabel, methodNote, preAnsweredChoice } from "./clarify.js";
import {
  exceptionNote,
  expandCrossRefs,
  knownDifferencesOf,
  refsOf,
  stepsOf,
  topicRef,
  variantRowOf,
} from "./expand-refs.js";
import { buildLines, isTimeQuestion, namedLines, timeSummary } from "./line-answers.js";
import { formatJstIso, lineStatus } from "./line-status.js";
import { callCenterOf, outageNotes, outageWarnings, withOutageLines } from "./outage.js";
import { type PreparedText, prepareText } from "./prepare-text.js";
import { type Resolved, resolveTopic } from "./resolve-topic.js";

export interface AnswerEngineOptions {
  readonly kb: KnowledgeBase;
  readonly matcher: Matcher;
  /** The real time unless given (tests); `Query.now` wins over both. */
  readonly clock?: () => Date;
}

export interface AnswerEngine {
  /** Synchronous and total: any text (empty, huge, NUL, lone surrogates, emoji) gets an Answer. */
  answer(query: Query): Answer;
}

const isValidDate = (d: unknown): d is Date => d instanceof Date && Number.isFinite(d.getTime());

function nowOf(query: Query, clock: () => Date): Date {
  if (isValidDate(query.now)) return query.now;
  const fromClock = clock();
  return isValidDate(fromClock) ? fromClock : new Date();
}

/** The checker the topic declares (topic YAML `checker`), run on the staff's description. */
function checkOf(topic: Topic, text: PreparedText, exceptions: string | undefined): CheckResult | undefined {
  if (topic.checker === "combination") return checkCombination(topic.comboTable, text.raw);
  if (topic.checker === "difference") return checkDifference(topic.differencePatterns, text.raw, exceptions);
  return undefined;
}

function linesAndWarnings(kb: KnowledgeBase, topic: Topic, text: PreparedText, now: Date, timeAsked: boolean) {
  const named = namedLines(kb, text.norm);
  let lines: LineStatus[] = buildLines(kb, topic, named, now);
  const warnings: string[] = [];
  const callCenter = topic.outage ? callCenterOf(kb) : undefined;
  if (callCenter) {
    const status = lineStatus(callCenter, now);
    lines = withOutageLines(lines, status);
    warnings.push(...outageWarnings(callCenter, status, now));
  }
  const lead = timeAsked || isTimeQuestion(text.norm) ? timeSummary(kb, lines, named, now, text.norm) : undefined;
  return { lines, warnings, lead };
}

function build(kb: KnowledgeBase, resolved: Resolved, query: Query, text: PreparedText, now: Date): Answer {
  const { topic, variant } = resolved;
  const chosen = typeof query.fact === "string" && query.fact.trim() !== "" ? query.fact : undefined;
  const pre = chosen === undefined ? preAnsweredChoice(topic, variant, text.raw) : undefined;
  const fact = chosen ?? pre?.fact;
  const method = topic.clarify?.settledBy === "method" ? methodFacts(text.raw, fact, variant) : undefined;
  const crossRefs = expandCrossRefs(kb, topic);
  const exceptions = exceptionNote(crossRefs);
  const steps = stepsOf(topic, variant);
  const note = methodNote(variant, method?.method);
  const notes = [...(note ? [note] : (variant?.notes ?? [])), ...topic.notes, ...(exceptions ? [exceptions] : [])];
  if (topic.outage) {
    const said = [...steps, ...crossRefs.flatMap((r) => r.steps)]
      .flatMap((s) => [s.text, ...s.substeps, ...s.notes])
      .concat(notes)
      .join("\n");
    notes.push(...outageNotes(said));
  }
  const { lines, warnings, lead } = linesAndWarnings(kb, topic, text, now, query.context?.timeQuestion === true);
  const clarify = decideClarify(topic, variant, text.raw, fact);
  const check = checkOf(topic, text, exceptions);
  const shownFact = chosen ?? (method?.method ? methodLabel(method.method) : pre?.label);
  const knownDifferences = knownDifferencesOf(topic);
  return {
    topic: topic.id,
    ...(variant ? { variant: variant.id, variantRow: variantRowOf(variant) } : {}),
    ...(shownFact !== undefined ? { fact: shownFact } : {}),
    section: topic.section,
    sectionTitle: topic.sectionTitle,
    title: topic.title,
    summary: lead ? `${lead}${topic.summary}` : topic.summary,
    readAloud: topic.readAloud,
    steps,
    notes,
    lines,
    parties: topic.parties.flatMap((id) => {
      const party = kb.parties.get(id);
      return party ? [party] : [];
    }),
    links: topic.links.flatMap((id) => {
      const link = kb.links.get(id);
      return link ? [link] : [];
    }),
    crossRefs,
    related: refsOf(kb, topic.related),
    alternatives: resolved.alternatives.flatMap((alt) => {
      const t = kb.topics.get(alt.id);
      return t ? [{ ...topicRef(t), confidence: alt.confidence }] : [];
    }),
    ...(clarify ? { clarify } : {}),
    ...(check ? { check } : {}),
    ...(knownDifferences ? { knownDifferences } : {}),
    warnings,
    confidence: resolved.confidence,
    source: {
      guide: kb.citation,
      section: topic.source.section,
      pages: [...topic.source.pages],
      quotes: [...topic.source.quotes],
    },
    now: formatJstIso(now),
    ...contextOf(query),
  };
}

function contextOf(query: Query): { context?: AnswerContext } {
  const c = query.context;
  if (!c || typeof c.about !== "string" || c.about === "") return {};
  return {
    context: {
      about: c.about,
      ...(typeof c.step === "number" ? { step: c.step } : {}),
      ...(typeof c.stepNote === "string" ? { stepNote: c.stepNote } : {}),
    },
  };
}

/** Question → Answer, channel-free: the topic from a button or the matcher, expanded from the knowledge base. */
export function createAnswerEngine(options: AnswerEngineOptions): AnswerEngine {
  const { kb, matcher } = options;
  const clock = options.clock ?? (() => new Date());
  return {
    answer(query: Query): Answer {
      const q: Query = query ?? { text: "" };
      const text = prepareText(q.text);
      const now = nowOf(q, clock);
      return build(kb, resolveTopic(kb, matcher, q, text), q, text, now);
    },
  };
}

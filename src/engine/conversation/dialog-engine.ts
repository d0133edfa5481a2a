import type { KnowledgeBase, TopicId } from "../../knowledge/schema.js";
import type { Matcher, MatchResult } from "../../nlp/match-result.js";
import type { Answer, Query } from "../answer-model.js";
import { prepareText } from "../prepare-text.js";
import { actMsg, contextMsg } from "./conversation-messages.js";
import {
  type Act,
  type ConversationLimits,
  type ConversationState,
  DEFAULT_LIMITS,
  liveState,
  type TurnResolution,
} from "./conversation-state.js";
import { detectAct } from "./detect-act.js";
import { answeredChoice, DEFAULT_FOLLOW_UP, type FollowUpOptions, type Reading, readFollowUp } from "./follow-up.js";
import { isQuestion } from "./message-cues.js";
import { LACKS_DOCUMENT, nextState } from "./next-state.js";

/** Confidence of a topic the conversation decided (the matcher alone was not sure of it). */
export const CONTEXT_CONFIDENCE = 0.8;

export interface DialogTurn {
  readonly resolution: TurnResolution;
  /** The guide answer (absent for a bare act). */
  readonly answer?: Answer;
  /** A short reply to an act (greeting, thanks, ack, help, a rejection naming nothing). */
  readonly reply?: string;
  /** What the conversation remembers next; undefined: nothing. */
  readonly state: ConversationState | undefined;
}

export interface DialogInput {
  readonly text: string;
  readonly now?: Date;
  /** The conversation's state as last stored (stale state is ignored). */
  readonly state?: ConversationState | undefined;
  /** A topic picked from a button (a clarifying choice, "did you mean"): no reading needed. */
  readonly pick?: { readonly topic: TopicId; readonly variant?: string; readonly fact?: string };
}

export interface DialogEngine {
  /** Synchronous and total, like the answer engine. */
  turn(input: DialogInput): DialogTurn;
}

export interface DialogEngineOptions {
  readonly kb: KnowledgeBase;
  readonly matcher: Matcher;
  readonly engine: { answer(query: Query): Answer };
  readonly limits?: ConversationLimits;
  readonly followUp?: FollowUpOptions;
  readonly clock?: () => Date;
}

function safeMatch(matcher: Matcher, text: string): MatchResult {
  try {
    return matcher.match(text);
  } catch {
    return { id: "none", confidence: 0, alternatives: [] };
  }
}

export function createDialogEngine(options: DialogEngineOptions): DialogEngine {
  const { kb, matcher, engine } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const followUp = options.followUp ?? DEFAULT_FOLLOW_UP;
  const clock = options.clock ?? (() => new Date());

  const subjectOf = (reading: Pick<Reading, "id" | "line">): string => {
    const line = reading.line ? kb.phoneLines.get(reading.line) : undefined;
    if (line) return line.shortName;
    const topic = kb.topics.get(reading.id);
    return topic ? `${topic.section}「${topic.title}」` : reading.id;
  };

  function actTurn(act: Act, state: ConversationState | undefined, now: Date, reply: string): DialogTurn {
    return {
      resolution: { id: "none", confidence: 1, alternatives: [], act },
      reply,
      state: state ? { ...state, at: now.getTime() } : undefined,
    };
  }

  function answerTurn(
    text: string,
    m: MatchResult,
    reading: Reading,
    state: ConversationState | undefined,
    now: Date,
    act?: Act,
    picked = false,
  ): DialogTurn {
    const facts = state && reading.id === state.topic ? state.facts : [];
    const fact = reading.fact ?? facts.find((f) => f !== LACKS_DOCUMENT);
    const subject = subjectOf(reading.uncovered && state ? { id: state.topic } : reading);
    const context = reading.context
      ? {
          about: reading.uncovered ? contextMsg.notInGuide(subject) : contextMsg.about(subject),
          ...(reading.step !== undefined ? { step: reading.step, stepNote: contextMsg.step(reading.step) } : {}),
          timeQuestion: reading.timeQuestion,
        }
      : undefined;
    const asMatched = !picked && !reading.context && !act && reading.id === m.id && reading.variant === m.variant;
    const query: Query = !asMatched
      ? {
          text,
          now,
          topic: reading.id,
          ...(reading.variant !== undefined ? { variant: reading.variant } : {}),
          ...(fact !== undefined ? { fact } : {}),
          ...(context ? { context } : {}),
        }
      : { text, now, ...(reading.timeQuestion ? { context: { timeQuestion: true } } : {}) };
    const answer = engine.answer(query);
    const id: TopicId = answer.topic;
    const sameAsMatch = m.id === id;
    const resolution: TurnResolution = {
      id,
      ...(answer.variant !== undefined ? { variant: answer.variant } : {}),
      confidence: sameAsMatch ? m.confidence : CONTEXT_CONFIDENCE,
      alternatives: m.alternatives.filter((a) => a.id !== id),
      ...(act ? { act } : {}),
      ...(reading.context ? { context: true } : {}),
    };
    const next = nextState(kb, { reading, answer, state, facts, now });
    return { resolution, answer, state: next };
  }

  return {
    turn(input: DialogInput): DialogTurn {
      const now = input.now instanceof Date && Number.isFinite(input.now.getTime()) ? input.now : clock();
      const prepared = prepareText(input.text);
      const live = liveState(input.state, now, limits);
      // A topic the knowledge base no longer has (edited since) is nothing to follow up on.
      const state = live && kb.topics.has(live.topic) ? live : undefined;
      if (input.pick) {
        const { topic, variant, fact } = input.pick;
        const reading: Reading = {
          id: topic,
          ...(variant !== undefined ? { variant } : {}),
          ...(fact !== undefined ? { fact } : {}),
          context: false,
          timeQuestion: false,
        };
        return answerTurn(
          prepared.raw,
          { id: topic, confidence: 1, alternatives: [] },
          reading,
          state,
          now,
          undefined,
          true,
        );
      }
      const said = detectAct(prepared.norm);
      let text = prepared.raw;
      if (said) {
        const { act, rest, bare } = said;
        if (act === "more" && bare) {
          if (!state || state.topic === "none") return actTurn("more", state, now, actMsg.moreNothing);
          const reading: Reading = {
            id: state.topic,
            ...(state.variant ? { variant: state.variant } : {}),
            context: true,
            timeQuestion: false,
          };
          return answerTurn(
            text,
            { id: state.topic, confidence: CONTEXT_CONFIDENCE, alternatives: [] },
            reading,
            state,
            now,
            "more",
          );
        }
        if (act === "reject") {
          const restText = prepareText(rest);
          if (restText.norm.length > 0) {
            const m = safeMatch(matcher, restText.raw);
            const reading = readFollowUp(kb, restText.norm, m, state, followUp);
            if (reading.id !== "none" && reading.id !== state?.topic && !reading.uncovered) {
              return answerTurn(restText.raw, m, { ...reading, context: true }, state, now, "reject");
            }
          }
          return actTurn("reject", undefined, now, actMsg.reject);
        }
        const restNorm = prepareText(rest).norm;
        const answersPending = state?.pending ? answeredChoice(kb, restNorm, state.pending) !== undefined : false;
        if (act !== "more" && (bare || (!isQuestion(restNorm) && !answersPending))) {
          return actTurn(act, state, now, actMsg[act]);
        }
        text = prepareText(rest).raw;
      }
      const norm = prepareText(text).norm;
      const m = safeMatch(matcher, text);
      return answerTurn(text, m, readFollowUp(kb, norm, m, state, followUp), state, now);
    },
  };
}

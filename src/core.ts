import { createAnswerEngine } from "./engine/answer-engine.js";
import { loadKnowledge } from "./knowledge/load-knowledge.js";
import type { KnowledgeBase } from "./knowledge/schema.js";
import { type CachedMatcher, withMatchCache } from "./nlp/cached-matcher.js";
import { buildMatcher, type NlpOptions } from "./nlp/create-matcher.js";

export type AnswerEngine = ReturnType<typeof createAnswerEngine>;

/** Everything channel-free: knowledge, matcher, answers. Channels receive this and nothing else. */
export interface Core {
  readonly kb: KnowledgeBase;
  readonly matcher: CachedMatcher;
  readonly engine: AnswerEngine;
}

export interface CoreOptions extends NlpOptions {
  readonly knowledgeDir?: string;
}

export type CoreResult = { ok: true; core: Core } | { ok: false; message: string };

/** Loads the knowledge base, then the dictionary and the matcher's index; a bad file is reported, never half-loaded. */
export async function loadCore(options: CoreOptions = {}): Promise<CoreResult> {
  const loaded = loadKnowledge(options.knowledgeDir);
  if (!loaded.ok) return { ok: false, message: `知識ベースにエラーがあります:\n${loaded.message}` };
  try {
    const matcher = withMatchCache(await buildMatcher(loaded.kb, options));
    const engine = createAnswerEngine({ kb: loaded.kb, matcher });
    return { ok: true, core: { kb: loaded.kb, matcher, engine } };
  } catch (err) {
    return { ok: false, message: `起動できません: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const phoneDigits = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** The digits of the guide's phone lines: the only phone numbers a stored or quoted question may keep. */
export function guidePhoneDigits(core: Pick<Core, "kb">): ReadonlySet<string> {
  let digits = phoneDigits.get(core.kb);
  if (!digits) {
    digits = new Set([...core.kb.phoneLines.values()].map((line) => line.phone.replace(/[^0-9]/gu, "")));
    phoneDigits.set(core.kb, digits);
  }
  return digits;
}

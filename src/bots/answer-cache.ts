import type { Answer, Query } from "../engine/answer-model.js";

const MINUTE_MS = 60_000;
const MAX_ENTRIES = 2_000;
const MAX_KEY_TEXT = 2_000;

type Engine = { answer(query: Query): Answer };

const caches = new WeakMap<Engine, Map<string, Answer>>();

/**
 * An answer depends on the question and on the clock only to the minute (every hour in the guide is
 * HH:MM), so it is built as of the start of its minute and kept: the same question asked again
 * within the minute — a burst after an outage, the agents' page as-you-type — is not built again.
 * Answers are plain data that no one mutates.
 */
export function answerAsOfMinute(engine: Engine, query: Query & { readonly now: Date }): Answer {
  const minute = Math.floor(query.now.getTime() / MINUTE_MS) * MINUTE_MS;
  const asked: Query = { ...query, now: new Date(minute) };
  if (query.text.length > MAX_KEY_TEXT) return engine.answer(asked);
  let cache = caches.get(engine);
  if (!cache) {
    cache = new Map();
    caches.set(engine, cache);
  }
  const key = JSON.stringify([query.text, query.topic ?? "", query.variant ?? "", query.fact ?? "", minute]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const answer = engine.answer(asked);
  cache.set(key, answer);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return answer;
}

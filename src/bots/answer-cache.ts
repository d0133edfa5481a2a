import type { Answer, Query } from "../engine/answer-model.js";

const MINUTE_MS = 60_000;
/** Distinct questions kept for one minute. */
const MAX_PER_MINUTE = 2_000;
/** Minutes kept: the current one and the one before (a question asked at 10:00:59 answered at 10:01:00). */
const MINUTES_KEPT = 2;
const MAX_KEY_TEXT = 2_000;

type Engine = { answer(query: Query): Answer };
/** Per engine: minute → (question → answer), oldest minute first. */
const caches = new WeakMap<Engine, Map<number, Map<string, Answer>>>();

function bucketFor(engine: Engine, minute: number): Map<string, Answer> {
  let minutes = caches.get(engine);
  if (!minutes) {
    minutes = new Map();
    caches.set(engine, minutes);
  }
  let bucket = minutes.get(minute);
  if (!bucket) {
    bucket = new Map();
    minutes.set(minute, bucket);
    // A minute that is over is never asked about again (but by a question naming its time): let it go.
    while (minutes.size > MINUTES_KEPT) minutes.delete(minutes.keys().next().value as number);
  }
  return bucket;
}

/**
 * An answer depends on the question and on the clock only to the minute (every hour in the guide is
 * HH:MM), so it is built as of the start of its minute and kept for that minute: the same question
 * asked again — a burst after an outage, the agents' page as-you-type — is not built again. Answers
 * are plain data that no one mutates.
 */
export function answerAsOfMinute(engine: Engine, query: Query & { readonly now: Date }): Answer {
  const minute = Math.floor(query.now.getTime() / MINUTE_MS) * MINUTE_MS;
  const asked: Query = { ...query, now: new Date(minute) };
  if (query.text.length > MAX_KEY_TEXT) return engine.answer(asked);
  const bucket = bucketFor(engine, minute);
  const key = JSON.stringify([query.text, query.topic ?? "", query.variant ?? "", query.fact ?? ""]);
  const hit = bucket.get(key);
  if (hit) return hit;
  const answer = engine.answer(asked);
  if (bucket.size < MAX_PER_MINUTE) bucket.set(key, answer);
  return answer;
}

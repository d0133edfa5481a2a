import type { Matcher, MatchResult } from "./match-result.js";

/**
 * Remembers the last `size` questions' matches (staff repeat the same questions; the agents'
 * page asks as they type). Only the match is kept: answers are built fresh, since line status
 * depends on the clock. The key is the text the matcher reads, already masked by the caller.
 */
export interface CachedMatcher extends Matcher {
  /** The same matcher without the cache: every call really matches (npm run bench measures it). */
  readonly uncached: Matcher;
}

export function withMatchCache(matcher: Matcher, size = 2_000): CachedMatcher {
  const cache = new Map<string, MatchResult>();
  return {
    uncached: matcher,
    match(text) {
      const hit = cache.get(text);
      if (hit) {
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const result = matcher.match(text);
      if (text.length <= 2_000) {
        cache.set(text, result);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return result;
    },
  };
}

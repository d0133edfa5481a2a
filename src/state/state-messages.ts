/** Log messages of the shared state (operators read them; English like the rest of the log). */
export const stateMsg = {
  redisAway: "state: Redis is unavailable; answering with this process's own state until it is back",
  redisBack: "state: Redis is back; state is shared again",
  streamFallback: "records: Redis is unavailable; unanswered questions and feedback go to the local file meanwhile",
} as const;

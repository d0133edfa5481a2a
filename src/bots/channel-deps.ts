import type { Config } from "../config.js";
import type { Core } from "../core.js";
import type { Logger } from "../privacy/logger.js";
import type { MissStore, StoreRecord } from "../privacy/miss-store.js";
import type { Conversations } from "../state/conversation-store.js";
import type { StateStore } from "../state/state-store.js";
import type { DailyCounts } from "../stats/daily-counts.js";
import type { HttpServer } from "./http-server.js";

/** What every channel receives from the composition root; channels never read process.env. */
export interface ChannelDeps {
  readonly core: Core;
  readonly config: Config;
  readonly logger: Logger;
  readonly store: MissStore;
  /** Redelivery/retry de-duplication and counters, shared between instances with REDIS_URL. */
  readonly state: StateStore;
  /** What each conversation remembers (docs/spec/conversation.md), kept in `state`. */
  readonly conversations: Conversations;
  /** With REDIS_URL: every instance's unanswered-question and feedback records (the shared stream). */
  readonly sharedRecords?: () => Promise<StoreRecord[]>;
  /** Answered / unanswered per day (counts only); absent: not counted. */
  readonly counts?: DailyCounts;
  readonly http: HttpServer;
  /** The clock (tests fix it). */
  readonly now?: () => Date;
}

export interface MountedChannel {
  readonly name: string;
  /** One line for the start-up banner: where it listens and how it is secured. */
  readonly description: string;
  /** Socket connections and timers the channel owns, closed on shutdown. */
  stop?(): Promise<void>;
}

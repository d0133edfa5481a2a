import { createBuckets, createRateLimiter, type RateDecision, type RateLimiter } from "./rate-limit.js";

/**
 * Keeps one client from slowing the others down. Answers are computed on the one event loop, so
 * what a client may not take is CPU time: each client has a budget of answering time (refilled at
 * `cpuShare` of a second per second, `burstMs` at most), charged with the CPU its answers really took;
 * past it, its requests are refused at once (429) until the budget has refilled. Besides: a request
 * count per client on every route, a count of failed authentications per client, and a cap on
 * answers in flight across all clients (503).
 */
export interface FairShareOptions {
  readonly requestsPerMinute: number;
  readonly maxInFlight: number;
  readonly cpuShare?: number;
  readonly burstMs?: number;
  readonly authFailuresPerMinute?: number;
  /** Requests of one client in flight at once (its answers would otherwise run back to back). */
  readonly perClientInFlight?: number;
}

export type Admission = RateDecision & { readonly status?: 429 | 503 };

export interface FairShare {
  /**
   * Before anything is read: the cap on requests in flight (503), then the client's failed-auth
   * count, answering budget and request count (429). An admitted request must be `release`d.
   */
  admit(client: string): Admission;
  release(client: string): void;
  /** A failed authentication, counted against the client. */
  authFailed(client: string): void;
  /**
   * Runs the synchronous part of an answer and charges its time to the client. A client that has
   * spent half its burst lately waits one turn of the event loop first: requests of others that
   * have arrived meanwhile are answered before it.
   */
  timed<T>(client: string, work: () => T): Promise<T>;
  readonly inFlight: number;
}

/**
 * A twentieth of one core per client (a few 2,000-character questions a second, or a dozen ordinary
 * ones: more than an agent types), in bursts of at most 100 ms. Another client's p99 during a flood (npm run
 * load:fairness): 85–92 ms at a tenth, 30–84 ms at a twentieth; 41–60 ms with 30 ms bursts, but
 * then an agent asking a few questions in a row right after start-up is refused.
 */
export const DEFAULT_CPU_SHARE = 0.05;
export const DEFAULT_BURST_MS = 100;
export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 20;
/**
 * A budget alone is not enough: it is charged after an answer, so 16 requests arriving together
 * would all be admitted and run back to back (16 × 15 ms). One at a time bounds what another client
 * waits behind to one answer: during a flood its p99 was 18–44 ms with one, 42–65 ms with two
 * (npm run load:fairness). The agents' page sends one request at a time (a keystroke aborts the last).
 */
export const DEFAULT_PER_CLIENT_IN_FLIGHT = 1;

export interface FairShareCounters {
  readonly requests?: RateLimiter;
  readonly cpu?: RateLimiter;
  readonly auth?: RateLimiter;
}

export function createFairShare(options: FairShareOptions, counters: FairShareCounters = {}): FairShare {
  const requests = counters.requests ?? createRateLimiter(options.requestsPerMinute);
  const cpuShare = options.cpuShare ?? DEFAULT_CPU_SHARE;
  const burstMs = options.burstMs ?? DEFAULT_BURST_MS;
  const cpu = counters.cpu ?? createBuckets(burstMs, cpuShare * 1000);
  const auth = counters.auth ?? createRateLimiter(options.authFailuresPerMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE);
  const perClient = options.perClientInFlight ?? DEFAULT_PER_CLIENT_IN_FLIGHT;
  const clientsInFlight = new Map<string, number>();
  let inFlight = 0;
  return {
    admit(client) {
      if (inFlight >= options.maxInFlight) return { ok: false, retryAfterSeconds: 1, status: 503 };
      const mine = clientsInFlight.get(client) ?? 0;
      if (mine >= perClient) return { ok: false, retryAfterSeconds: 1, status: 429 };
      const decision = auth.allow(client, Date.now(), 1);
      const next = decision.ok ? cpu.allow(client) : decision;
      const counted = next.ok ? requests.take(client) : next;
      if (!counted.ok) return { ...counted, status: 429 };
      inFlight++;
      clientsInFlight.set(client, mine + 1);
      return counted;
    },
    release(client) {
      inFlight = Math.max(0, inFlight - 1);
      const mine = (clientsInFlight.get(client) ?? 1) - 1;
      if (mine > 0) clientsInFlight.set(client, mine);
      else clientsInFlight.delete(client);
    },
    authFailed(client) {
      auth.charge(client, 1);
    },
    async timed(client, work) {
      if (!cpu.allow(client, Date.now(), burstMs / 2).ok) await new Promise((resolve) => setImmediate(resolve));
      // This process's CPU time, not the wall clock: on a busy machine the wall clock also counts the
      // time other processes had the core, which is not the client's doing.
      const started = process.cpuUsage();
      try {
        return work();
      } finally {
        const used = process.cpuUsage(started);
        // at most one burst per answer: a cold start or a GC pause is not the client's doing
        cpu.charge(client, Math.min(burstMs, (used.user + used.system) / 1000));
      }
    },
    get inFlight() {
      return inFlight;
    },
  };
}

import { createClient } from "redis";
import type { Logger } from "../privacy/logger.js";
import { createMemoryStore } from "./memory-store.js";
import { stateMsg } from "./state-messages.js";
import { type StateStore, ttlOf } from "./state-store.js";

export interface RedisStoreOptions {
  readonly url: string;
  readonly logger: Pick<Logger, "warn" | "info">;
  /** A command slower than this counts as Redis being away (ms). */
  readonly commandTimeoutMs?: number;
}

function makeClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 10), 2_000),
    },
  });
}

export type RedisClient = ReturnType<typeof makeClient>;

/** Health of the shared connection, for the record stream and /readyz. */
export interface RedisLink {
  readonly client: RedisClient;
  /** Runs `op` on Redis if it is there, else `fallback`; a failure or a slow reply also falls back. */
  run<T>(op: (client: RedisClient) => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
  readonly shared: boolean;
  /** Resolves true once connected (false after `ms`): for one-shot commands such as report:misses. */
  whenReady(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * One connection to Redis that never takes the assistant down: while Redis is away every call is
 * answered from this process (warned once per outage), and when it is back calls go to it again
 * (node-redis reconnects on its own; commands are not queued while offline).
 */
export function connectRedis(options: RedisStoreOptions): RedisLink {
  const timeoutMs = options.commandTimeoutMs ?? 500;
  const client = makeClient(options.url);
  let away = false;
  let closed = false;
  const markAway = (err?: unknown) => {
    if (away || closed) return;
    away = true;
    options.logger.warn({ err: err instanceof Error ? err.message : undefined }, stateMsg.redisAway);
  };
  client.on("error", (err: unknown) => markAway(err));
  client.on("ready", () => {
    if (!away) return;
    away = false;
    options.logger.info(stateMsg.redisBack);
  });
  client.connect().catch((err: unknown) => markAway(err));

  const withTimeout = <T>(p: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis: no reply in ${timeoutMs} ms`)), timeoutMs);
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });

  return {
    client,
    get shared() {
      return client.isReady && !away;
    },
    async run(op, fallback) {
      if (closed || !client.isReady) {
        markAway();
        return fallback();
      }
      try {
        return await withTimeout(op(client));
      } catch (err) {
        markAway(err);
        return fallback();
      }
    },
    async whenReady(ms) {
      const end = Date.now() + ms;
      while (!client.isReady && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
      return client.isReady;
    },
    async close() {
      closed = true;
      try {
        if (client.isOpen) await client.close();
      } catch {
        client.destroy();
      }
    },
  };
}

/** The shared store: Redis when it answers, this process's memory while it does not. */
export function createRedisStore(link: RedisLink): StateStore {
  const local = createMemoryStore();
  const encode = (value: unknown) => JSON.stringify(value ?? null);
  const decode = (raw: unknown): unknown => {
    if (typeof raw !== "string") return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  return {
    kind: "redis",
    get: (key) =>
      link.run(
        async (c) => decode(await c.get(key)),
        () => local.get(key),
      ),
    set: (key, value, ttlMs) =>
      link.run(
        async (c) => {
          await c.set(key, encode(value), { expiration: { type: "PX", value: ttlOf(ttlMs) } });
        },
        () => local.set(key, value, ttlMs),
      ),
    delete: (key) =>
      link.run(
        async (c) => {
          await c.del(key);
        },
        () => local.delete(key),
      ),
    claim: (key, ttlMs) =>
      link.run(
        async (c) =>
          (await c.set(key, "1", { expiration: { type: "PX", value: ttlOf(ttlMs) }, condition: "NX" })) === "OK",
        () => local.claim(key, ttlMs),
      ),
    increment: (key, windowMs) =>
      link.run(
        async (c) => {
          const [count] = await c.multi().incr(key).pExpire(key, ttlOf(windowMs), "NX").exec();
          return Number(count);
        },
        () => local.increment(key, windowMs),
      ),
    async close() {
      await local.close();
    },
  };
}

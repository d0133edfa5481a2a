import { createServer, type IncomingMessage, type Server } from "node:http";

export interface SentActivity {
  /** The conversation id from the path (decoded): in a channel it ends with `;messageid=…`. */
  readonly conversationId: string;
  /** The activity replied to, from the path (`/activities/:replyToId`). */
  readonly replyToPath?: string;
  readonly authorization?: string;
  readonly body: Record<string, unknown> & {
    type?: string;
    text?: string;
    replyToId?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

/** How the fake fails a POST: a status (with headers, e.g. Retry-After), or no answer at all. */
export type Fault = number | { readonly status: number; readonly headers?: Record<string, string> } | "hang";

export interface FakeConnector {
  /** The serviceUrl to write into activities. */
  readonly url: string;
  /** Activities accepted (answered 200). */
  readonly sent: SentActivity[];
  /** Every POST received, failed and hung ones included (retries show here). */
  readonly attempts: SentActivity[];
  /** Messages only (typing indicators left out). */
  messages(): SentActivity[];
  /** Answer matching POSTs with this fault instead of 200. */
  failWhen(predicate: ((activity: SentActivity) => Fault | undefined) | undefined): void;
  /** Hung POSTs whose caller has closed the connection (gave up), and those still open. */
  hung(): { readonly abandoned: number; readonly open: number };
  /** Holds every answer this long (a slow connector). */
  delayReplies(ms: number): void;
  /** Resolves once `n` activities have been received (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<SentActivity[]>;
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>);
      } catch {
        resolve({});
      }
    });
  });
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/u;

/**
 * A local Bot Connector: records POST /v3/conversations/:id/activities[/:replyToId] and answers 200.
 * `listenOn` and `urlHost` put it on another interface (a serviceUrl that must never be called).
 */
export async function startFakeConnector(
  options: { listenOn?: string; urlHost?: string } = {},
): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const attempts: SentActivity[] = [];
  const hung = { abandoned: 0, open: 0 };
  let fail: ((activity: SentActivity) => Fault | undefined) | undefined;
  let waiters: (() => void)[] = [];
  let delayMs = 0;
  const server: Server = createServer(async (req, res) => {
    const match = ROUTE.exec((req.url ?? "").split("?")[0] ?? "");
    if (req.method !== "POST" || !match) {
      res.writeHead(404).end();
      return;
    }
    const body = await readJson(req);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const activity: SentActivity = {
      conversationId: decodeURIComponent(match[1] ?? ""),
      ...(match[2] ? { replyToPath: decodeURIComponent(match[2]) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body,
    };
    attempts.push(activity);
    const fault = fail?.(activity);
    if (fault === "hang") {
      hung.open += 1;
      res.on("close", () => {
        hung.open -= 1;
        hung.abandoned += 1;
      });
      return;
    }
    if (fault) {
      const { status, headers = {} } = typeof fault === "number" ? { status: fault } : fault;
      res.writeHead(status, { ...headers, "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "BadArgument", message: "fake connector failure XYZZY-SECRET" } }));
      return;
    }
    sent.push(activity);
    for (const w of waiters) w();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `sent-${sent.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, options.listenOn ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://${options.urlHost ?? "127.0.0.1"}:${port}`,
    sent,
    attempts,
    hung: () => ({ ...hung }),
    messages: () => sent.filter((a) => a.body.type === "message"),
    failWhen(predicate) {
      fail = predicate;
    },
    delayReplies(ms) {
      delayMs = ms;
    },
    waitFor(n, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (sent.length >= n) {
            waiters = waiters.filter((w) => w !== check);
            clearTimeout(timer);
            resolve(sent.slice());
          }
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== check);
          reject(new Error(`fake connector: ${sent.length} of ${n} activities after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

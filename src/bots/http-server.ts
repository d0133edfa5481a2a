import type { Socket } from "node:net";
import restify, { type Request, type Response, type Server } from "restify";
import type { Logger } from "../privacy/logger.js";
import { SERVER_MESSAGES } from "./server-messages.js";

export interface HttpServer {
  readonly server: Server;
  /** /readyz answers 200 only while this is true (false until loaded, false again while draining). */
  setReady(ready: boolean): void;
  /** Registers work that must finish before shutdown (a reply still being sent). */
  track<T>(work: Promise<T>): Promise<T>;
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  /** Stops accepting, waits for in-flight requests and tracked work up to `graceMs`, then closes. */
  shutdown(graceMs: number): Promise<void>;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps a route: any escaped error becomes a polite 500 without its message, and is logged (masked). */
export function safeRoute(logger: Logger, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      logger.error({ err, route: req.getRoute()?.path }, "route failed");
      if (!res.headersSent) res.send(500, { error: SERVER_MESSAGES.internalError });
    }
  };
}

/**
 * A browser names the page a request comes from (Origin): only this server's own page and the
 * origins of CORS_ORIGINS may send one. Platforms and command-line clients send none.
 */
export function originAllowed(req: Request, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    // behind a reverse proxy the page's host may be in X-Forwarded-Host (a page on another site
    // cannot set that header without a preflight, which is never granted to it)
    const host = new URL(origin).host;
    return host === req.headers.host || host === req.headers["x-forwarded-host"];
  } catch {
    return false;
  }
}

export interface HttpServerOptions {
  /** CORS_ORIGINS: origins besides this server's own whose requests are served. */
  readonly allowedOrigins?: readonly string[];
}

export function createHttpServer(logger: Logger, options: HttpServerOptions = {}): HttpServer {
  const allowedOrigins = options.allowedOrigins ?? [];
  const server = restify.createServer({ name: "onshi-helpdesk", handleUncaughtExceptions: false });
  let ready = false;
  const inFlight = new Set<Promise<unknown>>();
  const sockets = new Set<Socket>();
  server.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.server.headersTimeout = 15_000;
  server.server.requestTimeout = 30_000;
  server.server.keepAliveTimeout = 5_000;

  server.pre((req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    if (!ready && req.url !== "/healthz" && req.url !== "/readyz") {
      res.setHeader("Retry-After", "5");
      res.send(503, { error: SERVER_MESSAGES.notReady });
      return next(false);
    }
    // a page on another site may make a browser send a request (no preflight for a "simple" one): refused unread
    if (!originAllowed(req, allowedOrigins)) {
      req.resume();
      res.send(403, { error: SERVER_MESSAGES.originRefused });
      return next(false);
    }
    return next();
  });

  // restify's own errors (404, 405, bad version…) would echo the path and the error text.
  server.on(
    "restifyError",
    (_req: Request, _res: Response, err: { statusCode?: number; toJSON?: () => unknown }, cb: () => void) => {
      const status = err.statusCode ?? 500;
      const message =
        status === 404
          ? SERVER_MESSAGES.notFound
          : status === 405
            ? SERVER_MESSAGES.methodNotAllowed
            : SERVER_MESSAGES.internalError;
      err.toJSON = () => ({ error: message });
      if (status >= 500) logger.error({ status }, "restify error");
      cb();
    },
  );

  server.get("/healthz", async (_req: Request, res: Response) => {
    res.send(200, { status: "ok" });
  });
  server.get("/readyz", async (_req: Request, res: Response) => {
    res.send(ready ? 200 : 503, { status: ready ? "ready" : "starting" });
  });

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };

  return {
    server,
    setReady(value) {
      ready = value;
    },
    track,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        // restify re-emits the http server's errors on itself: without a listener there, EADDRINUSE throws.
        const onError = (err: Error) => reject(err);
        server.once("error", onError);
        server.listen(port, host, () => {
          server.off("error", onError);
          server.on("error", (err: Error) => logger.error({ err }, "http server error"));
          const address = server.server.address();
          resolve({ port: typeof address === "object" && address ? address.port : port, host });
        });
      });
    },
    async shutdown(graceMs) {
      ready = false;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      for (const socket of sockets) {
        // Idle keep-alive sockets would hold close() open; busy ones finish their response first.
        if (!(socket as Socket & { _httpMessage?: unknown })._httpMessage) socket.end();
      }
      // A busy keep-alive socket goes idle once its reply is sent: close it then, not keepAliveTimeout later.
      const sweep = setInterval(() => server.server.closeIdleConnections(), 50).unref();
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]).then(() => closed), deadline]);
      clearInterval(sweep);
      for (const socket of sockets) socket.destroy();
    },
  };
}

import type { Request, Response } from "restify";
import type { ChannelDeps, MountedChannel } from "../channel-deps.js";
import { safeRoute } from "../http-server.js";
import { createAgentAuth } from "./agent-auth.js";
import { createFairShare } from "./fair-share.js";
import { webMsg } from "./messages.js";
import { loadPageFiles } from "./static-files.js";
import { createWebApi } from "./web-api.js";
import { applyCors, applySecurityHeaders, sendBytes, sendJson } from "./web-response.js";

type Handler = (req: Request, res: Response) => Promise<void>;

/** A client is its address (no proxy header is trusted: it would let anyone pick a new identity per request). */
const clientOf = (req: Request): string => req.socket.remoteAddress ?? "unknown";

const API_PATHS = ["/api/ask", "/api/topics", "/api/lines", "/api/answer/:topic"] as const;
/** How long a 429 waits before it is sent. */
const REFUSAL_DELAY_MS = 500;
const REALM = 'realm="onshi", charset="UTF-8"';
/** The page's files and API: restify's own 404/405 for these paths carry the web headers too. */
const WEB_PATH = /^\/(?:[a-z]+\.(?:js|css|svg))?$|^\/api\/(?:ask|topics|lines|answer)(?:\/|$)/;

/** The help-desk agents' page at / and its JSON API under /api/: always on, optionally behind AGENT_TOKEN. */
export function mountWeb(deps: ChannelDeps): MountedChannel {
  const { http, logger, config } = deps;
  const server = http.server;
  const files = loadPageFiles();
  const fair = createFairShare({
    requestsPerMinute: config.ASK_RATE_LIMIT_PER_MINUTE,
    maxInFlight: config.MAX_ANSWERS_IN_FLIGHT,
    cpuShare: config.CLIENT_CPU_MS_PER_SECOND / 1000,
    burstMs: config.CLIENT_CPU_BURST_MS,
    perClientInFlight: config.CLIENT_MAX_IN_FLIGHT,
  });
  const api = createWebApi(deps, (req, work) => fair.timed(clientOf(req), work));
  const authorized = createAgentAuth(config.AGENT_TOKEN);
  const origins = config.CORS_ORIGINS;

  // Every /api/* route: counted per client before anything is read, then authenticated (a failure counted too).
  const guardApi =
    (handler: Handler): Handler =>
    async (req, res) => {
      applySecurityHeaders(res);
      applyCors(req, res, origins);
      const client = clientOf(req);
      const admission = fair.admit(client);
      if (!admission.ok) {
        req.resume();
        const seconds = admission.retryAfterSeconds;
        const error = admission.status === 503 ? webMsg.busy(seconds) : webMsg.rateLimited(seconds);
        const refuse = () => sendJson(res, admission.status ?? 429, { error }, { "Retry-After": String(seconds) });
        if (admission.status === 503) return refuse();
        // A client that asks again at once, whatever Retry-After said, is answered slowly: thousands
        // of refusals a second would otherwise take the CPU the limit was meant to keep for others.
        await new Promise((resolve) => setTimeout(resolve, REFUSAL_DELAY_MS).unref());
        if (!res.destroyed) refuse();
        return;
      }
      try {
        if (!authorized(req)) {
          fair.authFailed(client);
          req.resume();
          return sendJson(res, 401, { error: webMsg.unauthorized }, { "WWW-Authenticate": `Bearer ${REALM}` });
        }
        return await handler(req, res);
      } finally {
        fair.release(client);
      }
    };

  const page =
    (path: string): Handler =>
    async (req, res) => {
      applySecurityHeaders(res);
      if (!authorized(req)) {
        // wrong passwords are counted like the API's wrong tokens: guessing is as slow here
        const client = clientOf(req);
        const admission = fair.admit(client);
        if (admission.ok) {
          fair.authFailed(client);
          fair.release(client);
        } else {
          const seconds = String(admission.retryAfterSeconds);
          const body = Buffer.from(webMsg.rateLimited(admission.retryAfterSeconds), "utf8");
          return sendBytes(res, admission.status ?? 429, "text/plain; charset=utf-8", body, { "Retry-After": seconds });
        }
        res.setHeader("WWW-Authenticate", `Basic ${REALM}`);
        return sendBytes(res, 401, "text/plain; charset=utf-8", Buffer.from(webMsg.unauthorized, "utf8"));
      }
      const file = files.get(path);
      if (!file) return sendJson(res, 404, { error: webMsg.invalid });
      sendBytes(res, 200, file.type, file.body);
    };

  const preflight: Handler = async (req, res) => {
    applySecurityHeaders(res);
    applyCors(req, res, origins, true);
    res.writeHead(204);
    res.end();
  };

  server.pre((req, res, next) => {
    if (WEB_PATH.test((req.url ?? "").split("?")[0] ?? "")) applySecurityHeaders(res);
    return next();
  });
  for (const path of files.keys()) server.get(path, safeRoute(logger, page(path)));
  server.post("/api/ask", safeRoute(logger, guardApi(api.ask)));
  server.get("/api/topics", safeRoute(logger, guardApi(api.topics)));
  server.get("/api/lines", safeRoute(logger, guardApi(api.lines)));
  server.get("/api/answer/:topic", safeRoute(logger, guardApi(api.answer)));
  for (const path of API_PATHS) server.opts(path, safeRoute(logger, preflight));

  const shownHost = config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  const secured = config.AGENT_TOKEN ? webMsg.bannerToken : webMsg.bannerOpen;
  return { name: "web", description: `${webMsg.banner(`http://${shownHost}:${config.PORT}`)}${secured}` };
}

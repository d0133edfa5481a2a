import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Request, Response } from "restify";
import { readRecords, type StoreRecord } from "../../privacy/miss-store.js";
import type { ChannelDeps, MountedChannel } from "../channel-deps.js";
import { safeRoute } from "../http-server.js";
import { createAgentAuth } from "./agent-auth.js";
import { buildMaintainerView } from "./maintainer-data.js";
import { maintainerMsg, renderMaintainerPage } from "./maintainer-page.js";
import { webMsg } from "./messages.js";
import { publicDir } from "./static-files.js";
import { applySecurityHeaders, sendBytes } from "./web-response.js";

const REALM = 'realm="onshi", charset="UTF-8"';
/** Days shown: `?days=` between 7 and 90, two weeks by default. */
const spanOf = (req: Request) => {
  const n = Number(new URL(req.url ?? "/", "http://localhost").searchParams.get("days") ?? 14);
  return Number.isInteger(n) ? Math.min(90, Math.max(7, n)) : 14;
};

/** The maintainers' page at /maintainer, beside the agents' page, behind the same AGENT_TOKEN. */
export function mountMaintainer(deps: ChannelDeps): MountedChannel {
  const { http, logger, config, store } = deps;
  const authorized = createAgentAuth(config.AGENT_TOKEN);
  const css = readFileSync(join(publicDir(), "maintainer.css"));

  const guarded =
    (send: (req: Request, res: Response) => void | Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      applySecurityHeaders(res);
      if (!authorized(req)) {
        res.setHeader("WWW-Authenticate", `Basic ${REALM}`);
        return sendBytes(res, 401, "text/plain; charset=utf-8", Buffer.from(webMsg.unauthorized, "utf8"));
      }
      await send(req, res);
    };

  http.server.get(
    "/maintainer",
    safeRoute(
      logger,
      guarded(async (req, res) => {
        let records: StoreRecord[] = [];
        try {
          // With REDIS_URL the records of every instance; else this instance's file.
          records = deps.sharedRecords ? await deps.sharedRecords() : readRecords(store.path);
        } catch {
          // no file yet (nothing recorded), unreadable, or Redis away: the page shows empty lists
        }
        const view = buildMaintainerView(
          records,
          deps.counts?.snapshot() ?? new Map(),
          deps.now?.() ?? new Date(),
          spanOf(req),
        );
        sendBytes(res, 200, "text/html; charset=utf-8", Buffer.from(renderMaintainerPage(view, deps.core.kb), "utf8"));
      }),
    ),
  );
  http.server.get(
    "/maintainer.css",
    safeRoute(
      logger,
      guarded((_req, res) => sendBytes(res, 200, "text/css; charset=utf-8", css)),
    ),
  );
  const host = config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  return { name: "maintainer", description: maintainerMsg.banner(`http://${host}:${config.PORT}/maintainer`) };
}

// Composition root: config → logger → knowledge + dictionary + matcher → store → channels → server.

import { type ChannelMounter, startServer } from "./bots/start-server.js";
import { mountTeams } from "./bots/teams/mount-teams.js";
import { mountMaintainer } from "./bots/web/mount-maintainer.js";
import { mountWeb } from "./bots/web/mount-web.js";
import { dailyCountsPath, feedbackFilePath, isLoopbackHost, readConfig, slackEnabled } from "./config.js";
import { guidePhoneDigits, loadCore } from "./core.js";
import { createLogger } from "./privacy/logger.js";
import { createMissStore } from "./privacy/miss-store.js";
import { unwritableReason } from "./privacy/store-file.js";
import { createSharedState } from "./state/create-state.js";
import { createDailyCounts } from "./stats/daily-counts.js";

const SHUTDOWN_GRACE_MS = 9_000;

/** Bolt (about 0.2 s and 30 MB to load) is loaded only when Slack is configured. */
const mountSlack: ChannelMounter = async (deps) =>
  slackEnabled(deps.config) ? (await import("./bots/slack/mount-slack.js")).mountSlack(deps) : undefined;

const MAIN_MESSAGES = {
  teamsOffOffLoopback: (host: string) =>
    `Teams（/api/messages）は起動していません: HOST=${host} で使うには MicrosoftAppId・MicrosoftAppPassword・MicrosoftAppTenantId（シングルテナント）を設定してください（未設定のままでは誰の要求でも受け付けてしまいます）。`,
  webWithoutToken: (host: string) =>
    `受付担当者向け検索は HOST=${host} で認証なしです（AGENT_PAGE_PUBLIC=true）。院内 LAN 以外から届く場所では AGENT_TOKEN を設定してください。`,
  dataDirUnwritable: (dir: string, code: string) =>
    `DATA_DIR=${dir} に書き込めません（${code}）。書き込める場所を DATA_DIR で指定してください。`,
  stateMemory: "会話の状態・再送の重複排除: このプロセス内（REDIS_URL で複数台に共有）",
  stateRedis: "会話の状態・再送の重複排除・未回答の記録: Redis で共有（REDIS_URL）",
} as const;

async function main(): Promise<number> {
  const configured = readConfig();
  if (!configured.ok) {
    process.stderr.write(`${configured.message}\n`);
    return 1;
  }
  const config = configured.config;
  const logger = createLogger({ level: config.LOG_LEVEL });
  const loaded = await loadCore({
    ...(config.KNOWLEDGE_DIR ? { knowledgeDir: config.KNOWLEDGE_DIR } : {}),
    ...(config.DICTIONARY_DIR ? { dictionaryDir: config.DICTIONARY_DIR } : {}),
  });
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const storePath = feedbackFilePath(config);
  const unwritable = unwritableReason(storePath);
  if (unwritable) {
    process.stderr.write(`${MAIN_MESSAGES.dataDirUnwritable(config.DATA_DIR, unwritable)}\n`);
    return 1;
  }
  // Conversation state, redelivery de-duplication and counters: this process, or Redis with REDIS_URL.
  const shared = createSharedState(config, logger, storePath);
  const store = createMissStore({
    logger,
    path: storePath,
    ...(shared.records ? { sink: shared.records } : {}),
    retentionDays: config.MISS_RETENTION_DAYS,
    keepPhones: guidePhoneDigits(loaded.core),
  });
  const counts = createDailyCounts({ logger, path: dailyCountsPath(config) });
  // Without an app ID the Bot Framework accepts anyone and replies to whatever serviceUrl they name:
  // fine on loopback for local testing, never on an address others can reach.
  const teamsOpenToAll = !config.MicrosoftAppId && !isLoopbackHost(config.HOST);
  const notes = [
    ...(teamsOpenToAll ? [MAIN_MESSAGES.teamsOffOffLoopback(config.HOST)] : []),
    ...(!config.AGENT_TOKEN && !isLoopbackHost(config.HOST) ? [MAIN_MESSAGES.webWithoutToken(config.HOST)] : []),
  ];
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const web = [mountWeb, mountMaintainer];
    const mounters = teamsOpenToAll ? [mountSlack, ...web] : [mountTeams, mountSlack, ...web];
    server = await startServer({
      config,
      core: loaded.core,
      logger,
      store,
      counts,
      state: shared.store,
      ...(shared.readRecords ? { sharedRecords: shared.readRecords } : {}),
      mounters,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE"
        ? `ポート ${config.PORT} は既に使われています。PORT で別のポートを指定してください。`
        : code === "EACCES"
          ? `ポート ${config.PORT} を開く権限がありません。`
          : `サーバーを起動できません: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${reason}\n`);
    return 1;
  }
  const banner = [
    `オンライン資格確認 窓口支援アシスタントを起動しました: ${server.url}`,
    ...server.channels.map((c) => `  - ${c.name}: ${c.description}`),
    `  - ${config.REDIS_URL ? MAIN_MESSAGES.stateRedis : MAIN_MESSAGES.stateMemory}`,
    ...notes.map((n) => `  ! ${n}`),
    `  - 稼働確認: ${server.url}/healthz  準備完了: ${server.url}/readyz`,
  ];
  process.stderr.write(`${banner.join("\n")}\n`);
  logger.info({ url: server.url, channels: server.channels.map((c) => c.name) }, "listening");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server
      .shutdown(SHUTDOWN_GRACE_MS)
      .then(() => shared.close())
      .then(() => store.close())
      .then(() => counts.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`起動できません: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

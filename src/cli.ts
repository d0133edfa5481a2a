// The command line: `ask` for people and evaluations, `kb-check` for knowledge editors, `report-misses` for leads.
import { createInterface } from "node:readline";
import { runDialog } from "./cli-dialog.js";
import { feedbackFilePath, readConfig } from "./config.js";
import { toContractJson } from "./contract-json.js";
import { type Core, loadCore } from "./core.js";
import { renderAnswerText } from "./engine/render-text.js";
import { checkFaithfulness, readKnowledgeYaml } from "./knowledge/faithfulness.js";
import { citeGuide, loadGuide } from "./knowledge/load-guide.js";
import { defaultKnowledgeDir, loadKnowledge } from "./knowledge/load-knowledge.js";
import { checkTopicContract, readContractTopicIds } from "./knowledge/topic-contract.js";
import { runReportMisses, writeMissReport } from "./privacy/report-misses.js";
import { purgeOlderThan } from "./privacy/store-file.js";
import { readSharedRecords } from "./state/shared-records.js";

const USAGE = `使い方:
  npm run --silent ask -- "質問"                 回答を文章で表示
  npm run --silent ask -- --json "質問"          回答モデルを JSON で表示
  npm run --silent ask -- --jsonl < 質問.txt     1行1問で照合し、1行1 JSON を出力
  npm run --silent ask -- --dialog < 会話.jsonl   {"conversation","text"} の1行1発話を会話として解釈し、1行1 JSON
  npm run --silent ask -- --now 2026-11-23T10:00:00+09:00 "質問"   時刻を指定
  npm run kb:check                               知識ベースを検査（形式・参照・ガイドとの突き合わせ）
  npm run report:misses [-- ファイル]            回答できなかった質問とフィードバックの集計
  npm run purge:misses [-- ファイル]             保存期間（MISS_RETENTION_DAYS、既定 90 日）を過ぎた記録を削除`;

const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
const err = (s: string) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`);

async function core(): Promise<Core> {
  const loaded = await loadCore();
  if (!loaded.ok) {
    err(loaded.message);
    process.exit(1);
  }
  return loaded.core;
}

async function runJsonl(): Promise<number> {
  const { matcher } = await core();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) out(toContractJson(matcher.match(line)));
  return 0;
}

function parseNow(value: string | undefined): Date | undefined | "invalid" {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(value);
  return ok && !Number.isNaN(date.getTime()) ? date : "invalid";
}

async function runAsk(args: string[]): Promise<number> {
  let json = false;
  let jsonl = false;
  let dialog = false;
  let nowArg: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") json = true;
    else if (a === "--jsonl") jsonl = true;
    else if (a === "--dialog") dialog = true;
    else if (a === "--now") nowArg = args[++i];
    else if (a.startsWith("--now=")) nowArg = a.slice(6);
    else if (a === "--help" || a === "-h") {
      out(USAGE);
      return 0;
    } else words.push(a);
  }
  if (jsonl) return runJsonl();
  const now = parseNow(nowArg);
  if (now === "invalid") {
    err(`--now の値が正しくありません: ISO-8601 で指定してください（例 2026-11-23T10:00:00+09:00）`);
    return 2;
  }
  if (dialog) return runDialog(await core(), now, out);
  const text = words.join(" ").trim();
  if (text.length === 0) {
    err(`質問を入力してください。\n${USAGE}`);
    return 2;
  }
  const { engine } = await core();
  const answer = engine.answer({ text, ...(now ? { now } : {}) });
  out(json ? JSON.stringify(answer, null, 2) : renderAnswerText(answer));
  return 0;
}

/** `kb-check [KNOWLEDGE_DIR] [--guide GUIDE_DIR]`: the schema, the references, then faithfulness to the guide. */
function runKbCheck(args: string[]): number {
  const guideAt = args.indexOf("--guide");
  const guideDir = guideAt >= 0 ? args[guideAt + 1] : undefined;
  const knowledgeDir = args.find((a, i) => !a.startsWith("--") && (guideAt < 0 || i !== guideAt + 1));
  const loaded = loadKnowledge(knowledgeDir, guideDir);
  if (!loaded.ok) {
    err(`知識ベースにエラーがあります:\n${loaded.message}`);
    return 1;
  }
  const guide = loadGuide(guideDir);
  if (!guide.ok) {
    err(`ガイドを読み込めません:\n${guide.message}`);
    return 1;
  }
  const { kb } = loaded;
  const problems = [
    ...checkFaithfulness(guide.guide, kb, readKnowledgeYaml(knowledgeDir ?? defaultKnowledgeDir())),
    ...(knowledgeDir === undefined ? checkTopicContract(kb, readContractTopicIds()) : []),
  ];
  if (problems.length > 0) {
    err(`知識ベースがガイドと一致しません（${problems.length}件）:\n${problems.join("\n")}`);
    return 1;
  }
  const examples = [...kb.topics.values()].reduce((n, t) => n + t.matching.examples.length, 0);
  out(
    `知識ベース OK: トピック ${kb.topics.size}件、窓口 ${kb.phoneLines.size}件、リンク ${kb.links.size}件、例文 ${examples}件。ガイドとの突き合わせ OK（${citeGuide(guide.guide.identity)}）`,
  );
  return 0;
}

async function reportMisses(file: string | undefined): Promise<number> {
  if (file) return runReportMisses(file, out);
  const config = readConfig();
  if (!config.ok) {
    err(config.message);
    return 2;
  }
  const { REDIS_URL } = config.config;
  if (!REDIS_URL) return runReportMisses(feedbackFilePath(config.config), out);
  // With REDIS_URL every instance's records are in one stream: the whole help desk, not this process.
  const quiet = { warn: () => undefined, info: () => undefined };
  const shared = await readSharedRecords(REDIS_URL, feedbackFilePath(config.config), quiet);
  if (!shared.ok) {
    err(shared.message);
    return 1;
  }
  return writeMissReport(shared.records, out);
}

/** `npm run purge:misses`: removes the records older than MISS_RETENTION_DAYS now (the server also does it hourly). */
function purgeMisses(file: string | undefined): number {
  const config = readConfig();
  if (!config.ok) {
    err(config.message);
    return 2;
  }
  const path = file ?? feedbackFilePath(config.config);
  const days = config.config.MISS_RETENTION_DAYS;
  try {
    const { removed, kept } = purgeOlderThan(path, Date.now() - days * 24 * 60 * 60 * 1000);
    out(`保存期間 ${days} 日を過ぎた記録を ${removed} 件削除しました（残り ${kept} 件）: ${path}`);
    return 0;
  } catch (e) {
    err(`記録ファイルを整理できませんでした: ${path}（${(e as NodeJS.ErrnoException).code ?? "EIO"}）`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "warm-caches":
      // `npm ci` (prepare) loads the core once so the inflated dictionary and the examples' features
      // are on disk before the first `npm start` or `npm run ask`.
      await core();
      return 0;
    case "ask":
      return runAsk(rest);
    case "kb-check":
      return runKbCheck(rest);
    case "report-misses":
      return reportMisses(rest[0]);
    case "purge-misses":
      return purgeMisses(rest[0]);
    default:
      err(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`エラーが発生しました: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);

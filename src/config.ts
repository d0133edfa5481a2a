import { join } from "node:path";
import { z } from "zod";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
const list = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
);

/** https:, or http: only to this machine (a local fake of the API in tests). */
function isHttpsOrLoopback(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "https:") return true;
  return parsed.protocol === "http:" && isLoopbackHost(parsed.hostname.replace(/^\[|\]$/g, ""));
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const envSchema = z
  .object({
    NODE_ENV: z.preprocess(blankToUndefined, z.enum(["development", "production", "test"]).default("development")),
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: z.preprocess(blankToUndefined, z.string().default("127.0.0.1")),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
    KNOWLEDGE_DIR: optionalText,
    DICTIONARY_DIR: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    // Azure creates only single-tenant and user-assigned managed identity bots since 2025-07-31;
    // MultiTenant stays accepted for registrations made before then.
    MicrosoftAppType: z.preprocess(
      blankToUndefined,
      z.enum(["SingleTenant", "UserAssignedMSI", "MultiTenant"]).default("SingleTenant"),
    ),
    MicrosoftAppTenantId: optionalText,
    TEAMS_ALLOWED_TENANTS: list,
    TEAMS_OPENID_METADATA_URL: z.preprocess(
      blankToUndefined,
      z
        .url()
        .refine((u) => isHttpsOrLoopback(u), {
          message: "https: の URL にしてください（http: は 127.0.0.1 / localhost だけです）",
        })
        .optional(),
    ),
    SLACK_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().startsWith("xoxb-", "xoxb- で始まるボットトークンを指定してください").optional(),
    ),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().startsWith("xapp-", "xapp- で始まるアプリレベルトークンを指定してください").optional(),
    ),
    SLACK_API_URL: z.preprocess(
      blankToUndefined,
      z
        .url()
        .refine((u) => isHttpsOrLoopback(u), {
          message:
            "https: の URL にしてください（http: はこのマシン内のテスト用 127.0.0.1 / localhost だけです。トークンが平文で送られます）",
        })
        .optional(),
    ),
    AGENT_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, "16文字以上にしてください").optional()),
    CORS_ORIGINS: list.refine((origins) => !origins.includes("*"), {
      message: "* は指定できません。受付の画面を開くオリジンを https://host の形で列挙してください",
    }),
    AGENT_PAGE_PUBLIC: z.preprocess(blankToUndefined, z.stringbool().default(false)),
    MISS_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
    CLIENT_CPU_MS_PER_SECOND: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).max(1000).default(50)),
    CLIENT_CPU_BURST_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).max(10_000).default(100)),
    CLIENT_MAX_IN_FLIGHT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(1)),
    MAX_ANSWERS_IN_FLIGHT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(32)),
    REDIS_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^rediss?$/, message: "redis://ホスト:ポート（TLS は rediss://）の形で指定してください" })
        .optional(),
    ),
    ASK_RATE_LIMIT_PER_MINUTE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(6000)),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppId"],
        message:
          "本番（NODE_ENV=production）では必須です。未設定だと Bot Framework の認証が無効になり、誰からの要求でも受け付けてしまいます",
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== "UserAssignedMSI" && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "MicrosoftAppId を設定したときは必須です",
      });
    }
    if (env.MicrosoftAppType !== "MultiTenant" && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: `MicrosoftAppType=${env.MicrosoftAppType}（既定は SingleTenant）のときは必須です`,
      });
    }
    if (!isLoopbackHost(env.HOST) && !env.AGENT_TOKEN && !env.AGENT_PAGE_PUBLIC) {
      ctx.addIssue({
        code: "custom",
        path: ["AGENT_TOKEN"],
        message: `HOST=${env.HOST}（このマシン以外から届くアドレス）では必須です。認証なしで公開するつもりなら AGENT_PAGE_PUBLIC=true を設定してください`,
      });
    }
    const slackHttp = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET];
    if (slackHttp.some(Boolean) || env.SLACK_APP_TOKEN) {
      if (!env.SLACK_BOT_TOKEN) {
        ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "Slack を使うときは必須です" });
      }
      if (!env.SLACK_SIGNING_SECRET) {
        ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "Slack を使うときは必須です" });
      }
    }
  });

export type Config = z.infer<typeof envSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads the environment once; a wrong variable is named with what is wrong, never a stack trace. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const message = parsed.error.issues
    .map((issue) => `設定エラー: ${issue.path.join(".") || "(環境変数)"}: ${issue.message}`)
    .join("\n");
  return { ok: false, message };
}

const teamsPackageSchema = z.object({
  MicrosoftAppId: z.preprocess(
    blankToUndefined,
    z
      .string({
        error: "Teams アプリパッケージにはボットのアプリ ID が必要です。環境変数 MicrosoftAppId を設定してください",
      })
      .trim()
      .regex(GUID, "GUID（例 00000000-0000-0000-0000-000000000000）で指定してください"),
  ),
});

/**
 * What `npm run manifest:teams` needs: the bot's app ID only. The package holds no secret, so the
 * password, app type and tenant the running bot needs are not asked for here.
 */
export function readTeamsPackageConfig(
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; appId: string } | { ok: false; message: string } {
  const parsed = teamsPackageSchema.safeParse(env);
  if (parsed.success) return { ok: true, appId: parsed.data.MicrosoftAppId.toLowerCase() };
  return { ok: false, message: parsed.error.issues.map((i) => `設定エラー: MicrosoftAppId: ${i.message}`).join("\n") };
}

export function slackEnabled(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET);
}

/** Answered / unanswered questions per day: counts only (the maintainers' page). */
export function dailyCountsPath(config: Config): string {
  return join(config.DATA_DIR, "daily-counts.json");
}

/** The store of unanswered questions and feedback (patient data minimised). */
export function feedbackFilePath(config: Config): string {
  return join(config.DATA_DIR, "feedback.jsonl");
}

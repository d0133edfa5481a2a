import { App, type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { Config } from "../../config.js";
import type { Logger } from "../../privacy/logger.js";
import { describeError } from "../describe-error.js";
import { createBotAuthorize } from "./bot-authorize.js";
import { MAX_BODY_BYTES, SLACK_EVENTS_PATH } from "./slack-route.js";

/** Per attempt; a response_url POST (Bolt's respond) gets the same bound. */
const API_TIMEOUT_MS = 5_000;

/** The Web API client: a few quick retries instead of the default ~30 minutes; the API URL from the config. */
export function webClientOptions(config: Config, logger: BoltLogger): webApi.WebClientOptions {
  const apiUrl = config.SLACK_API_URL ?? "https://slack.com/api/";
  return {
    slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: API_TIMEOUT_MS,
    logger,
    fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(API_TIMEOUT_MS) }),
  };
}

export interface SlackApp {
  readonly app: App;
  readonly socketMode: boolean;
  /** HTTP mode only: the receiver whose requestListener serves POST /slack/events. */
  readonly httpReceiver?: HTTPReceiver;
  /** Looks the bot up (auth.test) in the background. */
  warm(): void;
}

export interface SlackAppOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly boltLogger: BoltLogger;
  readonly botToken: string;
  readonly signingSecret: string;
}

/** Bolt with our receiver, authorization and logger; never app.start() in HTTP mode. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger, boltLogger, botToken, signingSecret } = options;
  const clientOptions = webClientOptions(config, boltLogger);
  const bot = createBotAuthorize(botToken, new webApi.WebClient(undefined, { ...clientOptions }), logger);
  const appToken = config.SLACK_APP_TOKEN;
  let httpReceiver: HTTPReceiver | undefined;
  let receiver: Receiver;
  if (appToken) {
    const installerOptions = { clientOptions: { ...clientOptions } };
    receiver = new SocketModeReceiver({ appToken, logger: boltLogger, installerOptions });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger,
      bodyLimit: MAX_BODY_BYTES,
      processBeforeResponse: false,
    });
    receiver = httpReceiver;
  }
  const app = new App({
    receiver,
    authorize: bot.authorize,
    logger: boltLogger,
    clientOptions: { ...clientOptions },
    convoStore: false,
    ignoreSelf: true,
  });
  app.error(async (error) => {
    logger.warn({ failure: describeError(error) }, "slack: listener failed");
  });
  return { app, socketMode: httpReceiver === undefined, ...(httpReceiver ? { httpReceiver } : {}), warm: bot.warm };
}

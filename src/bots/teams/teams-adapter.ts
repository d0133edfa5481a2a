import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import type { Config } from "../../config.js";

export type TurnOutcome =
  | { readonly kind: "unauthorized"; readonly reason: string }
  | { readonly kind: "done"; readonly status: number; readonly body?: unknown };

/** Bot Framework authentication from the validated config (never from process.env). */
export function createAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppType: config.MicrosoftAppType,
    ...(config.MicrosoftAppId ? { MicrosoftAppId: config.MicrosoftAppId } : {}),
    ...(config.MicrosoftAppPassword ? { MicrosoftAppPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppTenantId ? { MicrosoftAppTenantId: config.MicrosoftAppTenantId } : {}),
  };
  return new ConfigurationBotFrameworkAuthentication(options);
}

/**
 * CloudAdapter without its HTTP glue: `process()` answers a forged token with 500 and the error
 * text, and writes errors to the console. Here authentication failures are told apart from
 * failures of the turn, and the caller decides what the HTTP response says.
 */
export class TeamsAdapter extends CloudAdapter {
  async handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<TurnOutcome> {
    let auth: Awaited<ReturnType<typeof this.botFrameworkAuthentication.authenticateRequest>>;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      return { kind: "unauthorized", reason: err instanceof Error ? err.message : String(err) };
    }
    const invoke = await this.processActivity(auth, activity, logic);
    return invoke ? { kind: "done", status: invoke.status, body: invoke.body } : { kind: "done", status: 200 };
  }
}

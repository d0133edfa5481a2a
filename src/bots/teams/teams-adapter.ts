import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import { AuthenticationConstants } from "botframework-connector";
import { CallerIdConstants } from "botframework-schema";
import type { Config } from "../../config.js";
import { boundConnectorFactory, DEFAULT_OUTBOUND_LIMITS, type OutboundLimits } from "./bounded-connector.js";

/** Requests still being authenticated at once; past this, 503 (a flood of forged tokens waits on nothing). */
export const MAX_UNAUTHENTICATED_IN_FLIGHT = 32;

export type TurnOutcome =
  | { readonly kind: "unauthorized"; readonly reason: string }
  | { readonly kind: "busy" }
  | { readonly kind: "done"; readonly status: number; readonly body?: unknown };

/**
 * The public cloud's settings with another signing-key metadata URL (a test's local server). The
 * SDK takes all of them as given once one is set, so the others are spelled out as its defaults.
 */
function publicCloudWithMetadata(metadataUrl: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Bot Framework authentication from the validated config (never from process.env). */
export function createAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    // Without an app ID authentication is off; botbuilder only has that mode under MultiTenant
    // (SingleTenant and UserAssignedMSI assert an app ID and a tenant ID).
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : "MultiTenant",
    ...(config.MicrosoftAppId ? { MicrosoftAppId: config.MicrosoftAppId } : {}),
    ...(config.MicrosoftAppPassword ? { MicrosoftAppPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppTenantId ? { MicrosoftAppTenantId: config.MicrosoftAppTenantId } : {}),
    ...(config.TEAMS_OPENID_METADATA_URL ? publicCloudWithMetadata(config.TEAMS_OPENID_METADATA_URL) : {}),
  };
  return new ConfigurationBotFrameworkAuthentication(options);
}

/**
 * CloudAdapter without its HTTP glue: `process()` answers a forged token with 500 and the error
 * text, and writes errors to the console. Here authentication failures are told apart from
 * failures of the turn, and the caller decides what the HTTP response says. Every call a turn makes
 * to the Bot Connector ends by the turn's deadline.
 */
export class TeamsAdapter extends CloudAdapter {
  private readonly turns = new Set<AbortController>();
  private authenticating = 0;

  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS,
  ) {
    super(auth);
  }

  async handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<TurnOutcome> {
    let auth: Awaited<ReturnType<typeof this.botFrameworkAuthentication.authenticateRequest>>;
    if (this.authenticating >= MAX_UNAUTHENTICATED_IN_FLIGHT) return { kind: "busy" };
    this.authenticating++;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      return { kind: "unauthorized", reason: err instanceof Error ? err.message : String(err) };
    } finally {
      this.authenticating--;
    }
    const turn = new AbortController();
    const timer = setTimeout(() => turn.abort(), this.limits.turnMs);
    this.turns.add(turn);
    try {
      const factory = auth.connectorFactory;
      const bounded = factory
        ? { ...auth, connectorFactory: boundConnectorFactory(factory, turn.signal, this.limits.attemptMs) }
        : auth;
      const invoke = await this.processActivity(bounded, activity, logic);
      return invoke ? { kind: "done", status: invoke.status, body: invoke.body } : { kind: "done", status: 200 };
    } finally {
      clearTimeout(timer);
      this.turns.delete(turn);
    }
  }

  /** Ends the Bot Connector calls still in flight (shutdown, after the grace period). */
  abortTurns(): void {
    for (const turn of this.turns) turn.abort();
  }
}

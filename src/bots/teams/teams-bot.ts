import type { Activity, InvokeResponse, TurnContext } from "botbuilder";
import { stateKeys } from "../../state/state-store.js";
import { deliveryKey, tenantAllowed, tenantOf } from "./activity-guards.js";
import { type BotDeps, handleMessage } from "./handle-message.js";
import { LOOKUP_COMMAND_ID, lookUpMessage, submitLookup } from "./message-action.js";
import { searchTopics } from "./message-extension.js";
import { cardAttachment } from "./render-card.js";
import { renderWelcomeCard } from "./static-cards.js";

export interface TeamsBotOptions {
  /** TEAMS_ALLOWED_TENANTS; empty: every tenant. */
  readonly allowedTenants: readonly string[];
  readonly redeliveryTtlMs?: number;
}

export type TurnLogic = (context: TurnContext) => Promise<void>;

async function sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: "invokeResponse", value: response });
}

function botWasAdded(activity: Activity): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && (activity.membersAdded ?? []).some((m) => m.id === botId);
}

function commandOf(activity: Activity): unknown {
  const value = activity.value as { commandId?: unknown } | undefined;
  return typeof value === "object" && value !== null ? value.commandId : undefined;
}

/** Answers Teams activities: chat and channel messages, card buttons, the welcome, the message extension. */
export function createTeamsBot(deps: BotDeps, options: TeamsBotOptions): TurnLogic {
  // Redeliveries are claimed in the shared store: with REDIS_URL one reaching another instance is still answered once.
  const redeliveryTtlMs = options.redeliveryTtlMs ?? 10 * 60_000;

  return async (context) => {
    const activity = context.activity;
    const tenant = tenantOf(activity);
    if (!tenantAllowed(options.allowedTenants, tenant)) {
      deps.logger.warn({ channel: "teams", tenant: tenant ?? null, type: activity.type }, "teams: tenant not allowed");
      if (activity.type === "invoke") await sendInvokeResponse(context, { status: 200 });
      return;
    }
    if (activity.type === "message" || activity.type === "conversationUpdate") {
      const key = deliveryKey(activity);
      if (key && !(await deps.state.claim(stateKeys.delivery("teams", key), redeliveryTtlMs))) {
        deps.logger.info({ channel: "teams", type: activity.type }, "teams: redelivery ignored");
        return;
      }
    }
    switch (activity.type) {
      case "message":
        return handleMessage(context, deps);
      case "conversationUpdate":
        if (botWasAdded(activity)) {
          await context.sendActivity({ type: "message", attachments: [cardAttachment(renderWelcomeCard())] });
        }
        return;
      case "invoke":
        if (activity.name === "composeExtension/query") {
          return sendInvokeResponse(context, { status: 200, body: searchTopics(deps, activity.value) });
        }
        if (activity.name === "composeExtension/fetchTask" && commandOf(activity) === LOOKUP_COMMAND_ID) {
          return sendInvokeResponse(context, { status: 200, body: lookUpMessage(deps, activity.value) });
        }
        if (activity.name === "composeExtension/submitAction" && commandOf(activity) === LOOKUP_COMMAND_ID) {
          return sendInvokeResponse(context, await submitLookup(context, deps, activity.value));
        }
        // the SDK would answer an invoke left without a response with 501
        deps.logger.info({ channel: "teams", type: activity.type }, "teams: unknown invoke ignored");
        return sendInvokeResponse(context, { status: 200 });
      default:
        return;
    }
  };
}

import { randomUUID } from "node:crypto";

export const BOT = { id: "28:bot-app-id", name: "オン資ヘルプ" } as const;
export const USER = {
  id: "29:user-1",
  name: "受付 花子",
  aadObjectId: "00000000-0000-0000-0000-000000000001",
} as const;
export const TENANT = "tenant-clinic-a";

export type Scope = "personal" | "groupChat" | "channel";

const CONVERSATIONS: Readonly<Record<Scope, string>> = {
  personal: "a:1personal-conversation",
  groupChat: "19:group-chat@thread.v2",
  channel: "19:channel-general@thread.tacv2",
};

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly scope?: Scope;
  readonly tenant?: string;
  readonly id?: string;
  /** Channel threads: the id of the thread's first message (Teams appends `;messageid=` to the conversation). */
  readonly threadId?: string;
}

function base(type: string, o: ActivityOptions) {
  const scope = o.scope ?? "personal";
  const tenant = o.tenant ?? TENANT;
  const id = o.id ?? `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const conversationId =
    scope === "channel" ? `${CONVERSATIONS.channel};messageid=${o.threadId ?? id}` : CONVERSATIONS[scope];
  return {
    type,
    id,
    channelId: "msteams",
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    from: USER,
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType: scope,
      tenantId: tenant,
      ...(scope === "personal" ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: tenant },
      ...(scope === "channel" ? { team: { id: "19:team@thread.tacv2" }, channel: { id: CONVERSATIONS.channel } } : {}),
    },
    locale: "ja-JP",
  };
}

export function message(text: string, o: ActivityOptions) {
  return { ...base("message", o), text, textFormat: "plain" };
}

/** A channel post that @mentions the bot, as Teams sends it. */
export function mentionMessage(question: string, o: ActivityOptions) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base("message", { ...o, scope: "channel" }),
    text: `${mention} ${question}`,
    entities: [{ type: "mention", text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
  };
}

/** An Action.Submit press: a message with `value` and no text. */
export function cardSubmit(value: Record<string, unknown>, o: ActivityOptions) {
  return { ...base("message", o), value, replyToId: "card-activity-id" };
}

export function botAdded(o: ActivityOptions) {
  return { ...base("conversationUpdate", o), membersAdded: [{ id: BOT.id }, { id: USER.id }] };
}

export function extensionQuery(query: string, o: ActivityOptions & { initialRun?: boolean }) {
  const parameters = o.initialRun ? [{ name: "initialRun", value: "true" }] : [{ name: "searchQuery", value: query }];
  return {
    ...base("invoke", o),
    name: "composeExtension/query",
    value: { commandId: "searchTopics", parameters, queryOptions: { skip: 0, count: 25 } },
  };
}

export function uniqueId(): string {
  return randomUUID();
}

/** An action command on a message (composeExtension/fetchTask or submitAction), as Teams sends it. */
export function messageAction(
  name: "composeExtension/fetchTask" | "composeExtension/submitAction",
  value: Record<string, unknown>,
  o: ActivityOptions,
) {
  return { ...base("invoke", o), name, value: { commandContext: "message", ...value } };
}

/** The message the action was used on: Teams sends its body as HTML. */
export function messagePayload(html: string, id = "1700000000001") {
  return {
    id,
    messageType: "message",
    from: { user: { id: "29:user-2", displayName: "受付 太郎" } },
    body: { contentType: "html", content: html },
  };
}

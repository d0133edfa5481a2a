/** The subset of Adaptive Cards 1.5 this channel sends, typed, and small builders for it. */

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
/** Teams shows at most this many buttons in one row set (the host config's maxActions). */
export const MAX_ACTIONS = 5;

export type TextColor = "default" | "good" | "warning" | "attention" | "accent";
export type ContainerStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";

export interface TextBlock {
  readonly type: "TextBlock";
  readonly text: string;
  readonly wrap: true;
  readonly style?: "default" | "heading";
  readonly size?: "small" | "default" | "medium" | "large";
  readonly weight?: "default" | "bolder" | "lighter";
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly spacing?: "none" | "small" | "medium" | "large";
  readonly separator?: boolean;
}

export interface FactSet {
  readonly type: "FactSet";
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface Container {
  readonly type: "Container";
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
  readonly separator?: boolean;
  readonly spacing?: "none" | "small" | "medium" | "large";
  readonly bleed?: boolean;
}

export interface ActionSet {
  readonly type: "ActionSet";
  readonly actions: readonly CardAction[];
}

export interface Column {
  readonly type: "Column";
  readonly width: "auto" | "stretch";
  readonly items: readonly CardElement[];
}

export interface ColumnSet {
  readonly type: "ColumnSet";
  readonly columns: readonly Column[];
  readonly spacing?: "none" | "small" | "medium" | "large";
}

export type CardElement = TextBlock | FactSet | Container | ActionSet | ColumnSet;

export interface SubmitAction {
  readonly type: "Action.Submit";
  readonly title: string;
  readonly data: Record<string, unknown>;
  readonly style?: "default" | "positive" | "destructive";
}

export interface OpenUrlAction {
  readonly type: "Action.OpenUrl";
  readonly title: string;
  readonly url: string;
}

export interface ShowCardAction {
  readonly type: "Action.ShowCard";
  readonly title: string;
  readonly card: AdaptiveCard;
}

export type CardAction = SubmitAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  readonly type: "AdaptiveCard";
  readonly $schema?: string;
  readonly version: "1.5";
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  /** Shown by hosts that cannot render the card. */
  readonly fallbackText?: string;
  readonly msteams?: { readonly width: "Full" };
}

export function card(body: readonly CardElement[], actions: readonly CardAction[] = [], fallbackText?: string) {
  const out: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(fallbackText !== undefined ? { fallbackText } : {}),
    msteams: { width: "Full" },
  };
  return out;
}

/** A sub-card (Action.ShowCard): no schema, no width. */
export function subCard(body: readonly CardElement[]): AdaptiveCard {
  return { type: "AdaptiveCard", version: "1.5", body };
}

type TextOptions = Omit<TextBlock, "type" | "text" | "wrap">;

export function text(value: string, options: TextOptions = {}): TextBlock {
  return { type: "TextBlock", text: value, wrap: true, ...options };
}

export function heading(value: string): TextBlock {
  return text(value, { weight: "bolder", spacing: "medium", separator: true });
}

export function container(items: readonly CardElement[], options: Omit<Container, "type" | "items"> = {}): Container {
  return { type: "Container", items, ...options };
}

/** A numbered row: the number in a narrow column, the body beside it. */
export function numbered(label: string, items: readonly CardElement[]): ColumnSet {
  return {
    type: "ColumnSet",
    spacing: "small",
    columns: [
      { type: "Column", width: "auto", items: [text(label, { weight: "bolder" })] },
      { type: "Column", width: "stretch", items },
    ],
  };
}

/** Buttons in rows of at most MAX_ACTIONS. */
export function actionSets(actions: readonly CardAction[]): ActionSet[] {
  const sets: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS) {
    sets.push({ type: "ActionSet", actions: actions.slice(i, i + MAX_ACTIONS) });
  }
  return sets;
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: "Action.OpenUrl", title, url };
}

const SHORT_TITLE = 12;

/**
 * Buttons side by side when they are few and short; otherwise one per row, since Teams lays an
 * ActionSet out in one line and cuts long titles.
 */
export function buttonRows(actions: readonly CardAction[]): ActionSet[] {
  const short = actions.every((a) => Array.from(a.title).length <= SHORT_TITLE);
  if (short) return actionSets(actions);
  return actions.map((action) => ({ type: "ActionSet", actions: [action] }));
}

/** A section: its heading and body, or nothing when the body is empty. */
export function section(title: string, body: readonly CardElement[]): CardElement[] {
  return body.length > 0 ? [heading(title), ...body] : [];
}

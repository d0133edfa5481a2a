import { createRequire } from "node:module";

// The package's `lib/` is ESM without file extensions (Node cannot load it); its UMD bundle works.
interface ParseEvent {
  readonly message: string;
}
interface AdaptiveCardsModule {
  readonly Versions: { readonly v1_5: unknown };
  readonly SerializationContext: new (
    version: unknown,
  ) => { readonly eventCount: number; getEventAt(i: number): ParseEvent };
  readonly AdaptiveCard: new () => {
    parse(json: unknown, context: InstanceType<AdaptiveCardsModule["SerializationContext"]>): void;
    validateProperties(): { readonly validationEvents: readonly ParseEvent[] };
  };
}

const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

/** Parse and validation messages of the Adaptive Cards SDK for a 1.5 card; empty when the card is valid. */
export function cardProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...events, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}

interface CardNode {
  readonly type?: string;
  readonly url?: string;
  readonly data?: Record<string, unknown>;
  readonly title?: string;
  readonly text?: string;
}

/** Every object in a card, depth first (elements, actions, sub-cards). */
export function walk(node: unknown, out: CardNode[] = []): CardNode[] {
  if (Array.isArray(node)) for (const n of node) walk(n, out);
  else if (node && typeof node === "object") {
    out.push(node as CardNode);
    for (const v of Object.values(node)) walk(v, out);
  }
  return out;
}

export function cardTexts(card: unknown): string[] {
  return walk(card).flatMap((n) => (n.type === "TextBlock" && typeof n.text === "string" ? [n.text] : []));
}

export function cardActions(card: unknown, type: string): CardNode[] {
  return walk(card).filter((n) => n.type === type);
}

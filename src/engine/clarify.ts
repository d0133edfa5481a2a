import type { Topic, Variant } from "../knowledge/schema.js";
import type { Clarification } from "./answer-model.js";
import { clarifyMsg } from "./messages.js";
import { normalizeCue, normalizedWord } from "./prepare-text.js";

/** How the eligibility check of 1-② was made: the guide's 資格の状態 differs between the two. */
export type Method = "card" | "certificate";

// 「マイナンバー 1234…」 is a 個人番号, not the card: マイナ alone counts only when ンバー does not follow.
const CARD =
  /マイナンバーカード|マイナンバー カード|マイナカード|マイナ保険証|マイナ(?!ンバー)|個人番号カード|my ?number ?card/gu;
const CERTIFICATE = /資格確認書|保険証|被保険者証/u;
const KEYWORD: Readonly<Record<Method, string>> = { card: "マイナンバーカード", certificate: "資格確認書" };
const LABEL: Readonly<Record<Method, string>> = {
  card: clarifyMsg.methodCard,
  certificate: clarifyMsg.methodCertificate,
};

/** Which methods a text names (マイナ保険証 is the card, not a 保険証). */
export function methodsNamed(text: string): Method[] {
  const norm = normalizeCue(text);
  const card = new RegExp(CARD.source, "u").test(norm);
  const certificate = CERTIFICATE.test(norm.replace(CARD, " "));
  return [...(card ? (["card"] as const) : []), ...(certificate ? (["certificate"] as const) : [])];
}

/** A row whose 資格の状態 speaks of one method only (「無効（新しい資格あり）」: 資格確認書) pins the method. */
export function methodOfVariant(variant: Variant | undefined): Method | undefined {
  const state = variant?.state;
  if (state === undefined) return undefined;
  const card = state.includes(KEYWORD.card);
  const certificate = state.includes(KEYWORD.certificate);
  if (card === certificate) return undefined;
  return card ? "card" : "certificate";
}

export interface MethodFacts {
  /** The text, the chosen fact or the row settles the question. */
  readonly settled: boolean;
  readonly method?: Method;
}

export function methodFacts(text: string, fact: string | undefined, variant: Variant | undefined): MethodFacts {
  const fromFact = fact === undefined ? [] : methodsNamed(fact);
  if (fromFact.length === 1 && fromFact[0]) return { settled: true, method: fromFact[0] };
  const pinned = methodOfVariant(variant);
  if (pinned) return { settled: true, method: pinned };
  const named = methodsNamed(text);
  if (named.length === 1 && named[0]) return { settled: true, method: named[0] };
  return { settled: fact !== undefined || named.length > 1 };
}

export const methodLabel = (m: Method) => LABEL[m];

/** The row's sentences that hold for this method (sentences about the other method only are left out). */
export function methodNote(variant: Variant | undefined, method: Method | undefined): string | undefined {
  if (!variant || !method) return undefined;
  const other = method === "card" ? KEYWORD.certificate : KEYWORD.card;
  const sentences = [variant.state ?? "", ...variant.notes]
    .flatMap((s) => s.split(/(?<=。)/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && (s.includes(KEYWORD[method]) || !s.includes(other)));
  return sentences.length > 0 ? clarifyMsg.methodNote(LABEL[method], sentences.join("")) : undefined;
}

/** The topic's clarifying question, unless the text, a chosen fact or a pinned row already answers it. */
export function decideClarify(
  topic: Topic,
  variant: Variant | undefined,
  text: string,
  fact: string | undefined,
): Clarification | undefined {
  const clarify = topic.clarify;
  if (!clarify || fact !== undefined) return undefined;
  if (clarify.settledBy === "method") {
    if (methodFacts(text, fact, variant).settled) return undefined;
  } else if (clarify.settledBy === "choice") {
    const norm = normalizeCue(text);
    const answered = clarify.choices.some((c) =>
      [c.label, c.fact ?? ""].some((s) => s && norm.includes(normalizedWord(s))),
    );
    if (variant || answered) return undefined;
  }
  return {
    question: clarify.question,
    choices: clarify.choices.map((c) => ({
      label: c.label,
      topic: c.topic,
      ...(c.variant !== undefined ? { variant: c.variant } : {}),
      ...(c.fact !== undefined ? { fact: c.fact } : {}),
    })),
  };
}

import {
  type KnowledgeBase,
  PAGE_TO_TOPIC,
  type Step,
  type Topic,
  type TopicId,
  type Variant,
} from "../knowledge/schema.js";
import type { ExpandedCrossRef, TopicRef, VariantRow } from "./answer-model.js";
import { differenceMsg } from "./messages.js";
import { isOutage } from "./outage.js";

export function topicRef(topic: Topic): TopicRef {
  return { topic: topic.id, title: topic.title, section: topic.section };
}

export function refsOf(kb: KnowledgeBase, ids: readonly TopicId[]): TopicRef[] {
  return ids.flatMap((id) => {
    const t = kb.topics.get(id);
    return t ? [topicRef(t)] : [];
  });
}

/**
 * The steps to show: the pinned row's then the topic's; with no row pinned and no topic steps
 * (2-①), one step per row, headed by the row's label.
 */
export function stepsOf(topic: Topic, variant: Variant | undefined): Step[] {
  if (variant) return [...variant.steps, ...topic.steps];
  if (topic.steps.length > 0) return [...topic.steps];
  return topic.variants
    .filter((v) => v.steps.length > 0)
    .map((v) => ({
      text: v.label,
      substeps: v.steps.map((s) => s.text),
      notes: [...v.steps.flatMap((s) => s.notes), ...v.notes],
    }));
}

export function variantRowOf(variant: Variant): VariantRow {
  return {
    id: variant.id,
    label: variant.label,
    ...(variant.result !== undefined ? { result: variant.result } : {}),
    ...(variant.state !== undefined ? { state: variant.state } : {}),
    screenMessages: [...variant.screenMessages],
  };
}

/**
 * Cross-references with their titles; "procedure" carries the referenced steps (2-③ and 1-③ carry
 * 1-②'s). Between the two outage topics the other's steps are carried too (2-④ ①② while waiting
 * for the 緊急時医療情報・資格確認機能, and the way to get it opened).
 */
export function expandCrossRefs(kb: KnowledgeBase, topic: Topic): ExpandedCrossRef[] {
  return topic.crossRefs.flatMap((ref) => {
    const target = kb.topics.get(ref.topic);
    if (!target) return [];
    const carry = ref.relation === "procedure" || (isOutage(topic.id) && isOutage(target.id));
    return [
      { ...topicRef(target), relation: ref.relation, text: ref.text, steps: carry ? stepsOf(target, undefined) : [] },
    ];
  });
}

/** 「例外の場合（P6、P9）：1-④「…」、2-③「…」」 for the topic's exception references; undefined when none. */
export function exceptionNote(refs: readonly ExpandedCrossRef[]): string | undefined {
  const exceptions = refs.filter((r) => r.relation === "exception");
  if (exceptions.length === 0) return undefined;
  const pages = exceptions.flatMap((r) =>
    Object.entries(PAGE_TO_TOPIC)
      .filter(([, id]) => id === r.topic)
      .map(([page]) => page),
  );
  return differenceMsg.exceptions(
    pages,
    exceptions.map((r) => differenceMsg.exceptionRef(r.section, r.title)),
  );
}

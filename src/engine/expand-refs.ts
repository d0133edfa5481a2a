import type { KnowledgeBase, Step, Topic, TopicId, Variant } from "../knowledge/schema.js";
import type { ExpandedCrossRef, KnownDifferences, TopicRef, VariantRow } from "./answer-model.js";
import { differenceMsg } from "./messages.js";

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
 * Cross-references with their titles; a reference carries the referenced steps when it says so
 * (`carrySteps`), by default when it is a "procedure" (2-③ and 1-③ carry 1-②'s).
 */
export function expandCrossRefs(kb: KnowledgeBase, topic: Topic): ExpandedCrossRef[] {
  return topic.crossRefs.flatMap((ref) => {
    const target = kb.topics.get(ref.topic);
    if (!target) return [];
    const carry = ref.carrySteps ?? ref.relation === "procedure";
    return [
      { ...topicRef(target), relation: ref.relation, text: ref.text, steps: carry ? stepsOf(target, undefined) : [] },
    ];
  });
}

/**
 * 「例外に当たる項目：1-④「…」、2-③「…」」 for the topic's exception references; undefined when none.
 * The guide names the exceptions by page only (P6、P9); which section is on which page is not said, so no page is attached.
 */
export function exceptionNote(refs: readonly ExpandedCrossRef[]): string | undefined {
  const exceptions = refs.filter((r) => r.relation === "exception");
  if (exceptions.length === 0) return undefined;
  return differenceMsg.exceptions(exceptions.map((r) => differenceMsg.exceptionRef(r.section, r.title)));
}

/** The guide's list under its own lead: items split at 「（例）」 are grouped under their shared head, as printed. */
export function knownDifferencesOf(topic: Topic): KnownDifferences | undefined {
  if (topic.differenceLead === undefined || topic.differencePatterns.length === 0) return undefined;
  const items: { text: string; examples: string[] }[] = [];
  for (const p of topic.differencePatterns) {
    const [head = p.guideText, example] = p.guideText.split("（例）");
    const last = items.at(-1);
    if (example !== undefined && last?.text === head) last.examples.push(example);
    else items.push({ text: head, examples: example !== undefined ? [example] : [] });
  }
  return { lead: topic.differenceLead, items };
}

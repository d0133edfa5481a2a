import { describe, expect, it } from "vitest";
import { sharedCore } from "../helpers/test-server.js";

const fold = (s: string) => s.normalize("NFKC").toLowerCase();

describe("card-reader topics: a maker's topic only for its maker", () => {
  it("every example of a maker's topic names that maker", async () => {
    const { kb } = await sharedCore();
    for (const topic of kb.topics.values()) {
      if (!topic.id.startsWith("3-reader-")) continue;
      const names = [...topic.matching.keywords, ...topic.matching.synonyms].map(fold);
      for (const example of topic.matching.examples) {
        expect(
          names.some((n) => fold(example).includes(n)),
          `${topic.id}: 「${example}」 names no maker`,
        ).toBe(true);
      }
    }
  });

  it("3-reader holds faults that name no maker, and they stay there", async () => {
    const { kb, matcher } = await sharedCore();
    const generic = kb.topics.get("3-reader");
    expect(generic).toBeDefined();
    const faults = (generic?.matching.examples ?? []).filter((e) => /壊れ|故障|反応|電源|画面|固ま/u.test(e));
    expect(faults.length).toBeGreaterThanOrEqual(4);
    for (const example of faults) expect(matcher.match(example).id, example).toBe("3-reader");
  });
});

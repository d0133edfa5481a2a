import { describe, expect, it } from "vitest";
import { createKanjiHomophones } from "../../src/nlp/kanji-homophones.js";

/** A dictionary of a few words and kanji, with their readings. */
const dictionary: Record<string, string[]> = {
  停: ["とま"],
  泊: ["とま"],
  電: ["でん"],
  伝: ["でん", "つて"],
  殿: ["との"],
  保: ["ほ"],
  険: ["けん"],
  健: ["けん"],
  者: ["しゃ", "もの"],
  保健: ["ほけん"],
  不: ["ふ"],
  二: ["に"],
  富: ["とみ"],
  士: ["し"],
  通: ["つう"],
  不二: ["ふじ"],
  富士: ["ふじ"],
};
const readingsOf = (word: string) => dictionary[word] ?? [];
const homophones = createKanjiHomophones(
  [
    { text: "停電", concept: "outage" },
    { text: "保険者", concept: "insurer" },
    { text: "富士通", concept: "fujitsu" },
  ],
  readingsOf,
);
/** The concepts found in `compact` cut into words at `starts`. */
function found(compact: string, starts: number[]): string[] {
  const out: string[] = [];
  homophones.find(
    compact,
    (at) => starts.includes(at),
    (c) => out.push(c),
  );
  return out;
}

describe("kanji typed with a wrong homophone", () => {
  it("finds the term when its other kanji share a sound with the term's and one kanji is the term's", () => {
    expect(found("朝から停伝です", [0, 1, 3, 4, 5, 7])).toEqual(["outage"]);
    expect(found("保健者番号", [0, 2, 3, 5])).toEqual(["insurer"]);
  });

  it("reads a piece of two kanji as one word when the kanji alone do not sound alike (不二 as 富士, ふじ)", () => {
    expect(found("不二通の", [0, 1, 2, 3, 4])).toEqual(["fujitsu"]);
    expect(found("不士通", [0, 1, 2, 3])).toEqual([]); // 不 alone is ふ, 富 alone とみ; 不士 is no word
  });

  it("needs every other kanji to sound alike, one kanji of the term in its place, and the words' own edges", () => {
    expect(found("停殿", [0, 1, 2])).toEqual([]); // 殿 (との) does not sound as 電
    expect(found("泊伝", [0, 1, 2])).toEqual([]); // sounds alike, but no kanji of 停電 in its place
    expect(found("停伝", [0, 2])).toEqual(["outage"]);
    expect(found("停伝", [0])).toEqual([]); // the window ends inside a word
  });

  it("takes a word of the dictionary for the word it is (保健 is 保健), and the term itself for no slip", () => {
    const withTerm = createKanjiHomophones([{ text: "保険", concept: "insurance" }], readingsOf);
    const out: string[] = [];
    withTerm.find(
      "保健",
      () => true,
      (c) => out.push(c),
    );
    withTerm.find(
      "保険",
      () => true,
      (c) => out.push(c),
    );
    expect(out).toEqual([]);
  });
});

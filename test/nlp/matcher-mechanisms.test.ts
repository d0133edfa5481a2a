import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import { buildMatcher } from "../../src/nlp/create-matcher.js";
import { createFeatureExtractor } from "../../src/nlp/features.js";
import type { Matcher } from "../../src/nlp/match-result.js";
import { createMatcher } from "../../src/nlp/matcher.js";
import { MATCHING_POLICY } from "../../src/nlp/matching-policy.js";
import { readingKey } from "../../src/nlp/reading.js";
import { readRomaji } from "../../src/nlp/romaji.js";
import { loadTokenizer } from "../../src/nlp/tokenizer.js";
import { loadVocabulary } from "../../src/nlp/vocabulary.js";
import { sharedCore } from "../helpers/test-server.js";

let matcher: Matcher;
beforeAll(async () => {
  matcher = (await sharedCore()).matcher;
});

/** The matcher's feature extractor on the project's vocabulary, to see what a text yields. */
async function featureExtractor() {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(loaded.message);
  const vocabulary = loadVocabulary(undefined, new Set(loaded.kb.topics.keys()));
  return createFeatureExtractor(await loadTokenizer(), vocabulary, MATCHING_POLICY);
}

/** One test per question: the matcher answers none (the guide does not answer it). */
function answersNone(questions: readonly string[]): void {
  it.each(questions)("%s: none", (q) => {
    expect(matcher.match(q).id).toBe("none");
  });
}

describe("romaji", () => {
  it.each([
    ["mukou tte deta", true],
    ["kooru sentaa no denwa", true],
    ["riidaa ga ugokanai", true],
    ["The card reader is broken", false],
    ["Where is the call center number?", false],
    ["カードリーダーがPanasonicです", false],
  ])("%s is romaji: %s", (text, romaji) => {
    expect(readRomaji(text.toLowerCase()).romaji).toBe(romaji);
  });

  it("long vowels meet however they are written", () => {
    expect(readingKey("むこう")).toBe(readingKey("むこお"));
    expect(readingKey("こーるせんたー")).toBe(readingKey("こおるせんたあ"));
    expect(readingKey("りいだあ")).toBe(readingKey("りーだー"));
  });

  it.each([
    ["mukou tte deta", "1-2"],
    ["kooru sentaa no denwa bangou", "3-callcenter"],
    ["teiden de shikaku kakunin ga dekinai", "2-4"],
    ["fujitsu no kaado riidaa no denwa", "3-reader-fujitsu"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("maker names misspelt, and readers with no maker named", () => {
  it.each([
    ["キャノソのカードリーダーの問い合わせ先", "3-reader-canon"],
    ["アルメッスのリーダーのサポート窓口", "3-reader-almex"],
    ["冨士通のカードリーダーが動かない", "3-reader-fujitsu"],
    ["kyanon no riidaa no sapooto", "3-reader-canon"],
    ["パナソニッグの顔認証リーダーの電話番号", "3-reader-panasonic"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  it.each(["カードリーダーが壊れた", "顔認証の画面が真っ暗", "リーダーの電源が入らない、どこに連絡？"])(
    "%s names no maker: 3-reader (every maker's line), never one maker",
    (q) => {
      const m = matcher.match(q);
      expect(m.id).toBe("3-reader");
      expect(m.alternatives.filter((a) => a.id.startsWith("3-reader-"))).toEqual([]);
    },
  );
});

describe("patient data never steers", () => {
  it.each([
    ["マイナンバーカードを忘れた患者さん", "山田 太郎さん（昭和50年5月5日生）がマイナンバーカードを忘れた"],
    ["停電で資格確認ができない", "停電で資格確認ができない。患者 保険者番号 06139999 住所 横浜市西区高島9-9-9"],
    ["ICチップが壊れていて読めない", "鈴木様のカード 1234 5678 9012、ICチップが壊れていて読めない"],
  ])("%s and its copy with patient data get the same topic", (plain, withData) => {
    expect(matcher.match(withData).id).toBe(matcher.match(plain).id);
  });
});

describe("answerability and the guide's distinctions", () => {
  it.each(["従来の保険証はいつまで使えますか", "保険証利用登録を解除したい", "高齢受給者証はいつから使えますか"])(
    "%s asks what no topic answers: none",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );

  it.each([
    ["受付の患者さん全員、資格確認ができない", "2-4"],
    ["この患者さんだけカードが読み取れない。ほかの人は通る", "2-5"],
    ["転職したばかりの患者さんで、新しい保険がまだわからない", "2-3"],
    ["資格確認したら「無効」と出た", "1-2"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("alternatives", () => {
  it.each(["停電で資格確認できない", "カードが読めない", "無効って出た", "問い合わせ先を教えて"])(
    "%s: only close runners-up, never above the answer",
    (q) => {
      const m = matcher.match(q);
      expect(m.alternatives.length).toBeLessThanOrEqual(m.id === "none" ? 3 : MATCHING_POLICY.maxAlternatives);
      if (m.id === "none") return;
      for (const a of m.alternatives) {
        expect(a.confidence).toBeLessThanOrEqual(m.confidence);
        expect(a.confidence).toBeGreaterThanOrEqual(
          Math.floor(MATCHING_POLICY.closeRatio * m.confidence * 1000) / 1000 - 0.001,
        );
      }
    },
  );
});

describe("stories of several sentences", () => {
  it.each([
    [
      "うちは駅前の小さな内科で、朝は高齢の方が多く受付がいつも混みます。今日は予防接種の日でもあり、スタッフも足りていません。そんな中、ある患者さんがマイナンバーカードを家に置いてきたと言っています。どうしたらいいですか。",
      "2-2",
    ],
    [
      "歯科医院で受付をしております。先月から新しいスタッフが入り、私が教育係をしています。昨日、その子が対応した患者さんのオン資の結果で、券面にない黒丸が記号に付いていました。これは請求で直すべきですか。",
      "1-1",
    ],
  ])("the sentence that says what happened decides, the background does not: %#", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("text without kanji", () => {
  it("a term inside a word the dictionary could not cut is still found", async () => {
    const extractor = await featureExtractor();
    // kuromoji cuts this き|ゅうきゅうのしかくかくにんきのう; 資格確認機能 is inside the second piece.
    const features = extractor.extract("きゅうきゅうのしかくかくにんきのう");
    expect([...features.concepts]).toContain("emergency-fn");
    // …and the piece it could not cut (ゅうきゅうの…) is no word of the question.
    expect([...features.terms.keys()].filter((k) => /^w:[ぁぃぅぇぉゃゅょっ]/u.test(k))).toEqual([]);
  });
});

describe("names and loanwords", () => {
  it("a katakana word the dictionary calls a name stays when it runs on into a loanword (コール|センタ)", async () => {
    const tokenizer = await loadTokenizer();
    const kept = tokenizer
      .tokenize("コールセンタの電話番号")
      .filter((t) => !t.personal)
      .map((t) => t.surface);
    expect(kept).toContain("コール");
    // A name written apart is still a name.
    expect(tokenizer.tokenize("サトウ ハナコ").filter((t) => t.personal).length).toBeGreaterThan(0);
  });
});

describe("what the guide answers, read from data", () => {
  it.each([
    ["転職したらしい患者さんで、オン資の結果が無効だった", "1-2"],
    ["緊急時医療情報・資格確認機能の申請のしかた", "2-4-emergency"],
    ["あとらすの さぽーと なんじまで", "3-reader-atlas"],
    ["https://www.mhlw.go.jp/stf/newpage_08280.html ってなに", "3-links"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  it.each([
    "保険証もマイナもない人は受診を断っていい？",
    "オン資のヘルプデスクで働きたいので採用情報を教えて",
    "クレジットカードが決済端末で読めない",
  ])("%s is not in the guide: none", (q) => {
    expect(matcher.match(q).id).toBe("none");
  });

  it("a cue about patients is also found with さん or 様 after 患者", () => {
    const vocabulary = loadVocabulary();
    const sides = vocabulary.concepts.filter((c) => c.id.startsWith("side-everyone-or-this-card"));
    expect(sides.flatMap((c) => c.terms)).toEqual(
      expect.arrayContaining(["ほかの患者は", "ほかの患者さんは", "ほかの患者様は"]),
    );
  });
});

describe("more of what the guide does and does not answer", () => {
  it.each([
    ["> ping 192.168.1.1 宛先ホストに到達できません。 受付の端末が全部オン資につながらない", "2-4"],
    ["「カードを読み取れませんでした」と出る。この方だけで、ほかの患者さんは読める", "2-5"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  it.each(["新しい資格確認書っていつごろ届くの？", "マイナ保険証の代わりの書類はいつ届きますか"])(
    "%s asks when something arrives: none",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );
});

describe("katakana sentences and polite negatives", () => {
  it("a sentence pasted in half-width katakana beside other text is read (ﾖﾐﾄﾚﾏｾﾝﾃﾞｼﾀ)", () => {
    expect(matcher.match("ｶｰﾄﾞｦ ﾖﾐﾄﾚﾏｾﾝﾃﾞｼﾀ｡ ﾓｳｲﾁﾄﾞ ｵｲﾃｸﾀﾞｻｲ [ﾄﾘｹｼ] ←この患者さんだけ").id).toBe("2-5");
  });

  it("a verb term in the plain negative is also found in the polite and the run-on one, but never a particle (資格がない)", () => {
    const terms = loadVocabulary().concepts.flatMap((c) => c.terms);
    expect(terms).toEqual(expect.arrayContaining(["読み取れません", "反応しません", "繋がりません"]));
    expect(terms).toEqual(expect.arrayContaining(["読み取れなく", "反応しなく", "繋がらなく"]));
    expect(terms).not.toContain("資格ぎません");
    expect(terms.filter((t) => t === "できません").length).toBeLessThanOrEqual(1);
  });
});

describe("near misses of the kinds staff ask", () => {
  answersNone([
    "患者さんの12桁の番号を台帳に書いておくのは法律的にまずい？",
    "オン資のサポート窓口のスタッフ募集に応募したい",
    "マイナポータルで診療歴を家族に見られたくない患者さん",
    "マイナンバーカードの写真を撮り直したいって言われた",
  ]);

  it("a patient at the counter who is not the one on the screen is another person's data", () => {
    expect(matcher.match("確認結果の氏名が、受付にいる患者さんと違う").id).toBe("1-3");
  });
});

describe("kana text, colloquial faults and what the guide leaves out (set F)", () => {
  it("in text without kanji a name is a name only before an honorific (がいとう is no 伊藤)", () => {
    const m = matcher.match("がいとうするほけんがありませんってでました");
    expect(m.id).toBe("1-2");
    expect(m.variant).toBe("none");
  });

  it.each([
    ["停電は直ったけどオン資がまだ繋がんない、受付みんな止まってる", "2-4"],
    ["アトラスのリーダーの電話番号を書いたメモをなくした", "3-reader-atlas"],
    ["カードが反ってしまって読めない、この人だけ", "2-5"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  answersNone([
    "労災の患者さんでもマイナ保険証は使える？",
    "IP-VPNと光回線、どっちがいいですか",
    "資格確認書と資格情報のお知らせは何が違うの？",
  ]);
});

describe("pieces of the guide quoted back (set G)", () => {
  it.each([
    ["「お問い合わせの際は、はじめに医療機関コード」って書いてあったけど、どこに電話するの", "3-callcenter"],
    ["KB0011365 ってメモがあるんだけど何の資料？", "3-links"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  it("a vowel after a space starts a word: とうろく うけつけました is the pending registration", () => {
    const m = matcher.match("ほけんしょうのとうろく うけつけましたって でたまま");
    expect(m.id).toBe("2-1");
    expect(m.variant).toBe("processing");
  });
});

describe("asking how to look something up in the guide's own documents (set H)", () => {
  it("the troubleshooting volume that explains how to find a cause is a document of the guide", () => {
    expect(matcher.match("原因の調べ方が書いてあるトラブルシューティング編のリンクをください").id).toBe("3-links");
  });

  it.each(["保険証利用登録をやめたいと言われた、解除の手続きはどこ？", "中古のカードリーダーを買ってもいい？"])(
    "%s: none",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );
});

describe("more of the guide's distinctions", () => {
  it.each([
    ["電子証明書が切れてて猶予も過ぎてる、資格確認書も持ってない、申立書でいい？", "2-5"],
    ["受付が一人で電話する余裕がない。オン資のことを電話以外で問い合わせたい", "3-form"],
    ["照会結果 性別：男 ← 来ているのは小さい女の子", "1-3"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  it("a pending registration said in dialect (処理しとります) pins its variant", () => {
    expect(matcher.match("保険証の登録、処理しとりますって出たまんまなんよ").variant).toBe("processing");
  });
});

describe("log lines and other cards (set J)", () => {
  it("in text with kanji a reading that ends inside a word is no term (資格|照会 is no 資格証)", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("09:01 資格照会 OK／09:03 カード読取エラー").concepts]).not.toContain("kakuninsho");
    expect([...extractor.extract("09:03 カード読取エラー").concepts]).toContain("card-broken");
  });

  it.each(["コンビニでポンタカードが読めなかった", "Teamsの画面共有のやり方"])("%s: none", (q) => {
    expect(matcher.match(q).id).toBe("none");
  });
});

describe("kana terms inside words", () => {
  it.each([
    ["顔認証リーダーが固まった、どこにでんわすればいい", "3-reader"],
    ["マイナわすれたかんじゃさん", "2-2"],
  ])("%s → %s (でんわ|すれば holds no わすれ)", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("near misses and faults in our own systems (set N)", () => {
  it.each(["コールセンターって英語でも対応してくれる？英語対応してますか", "医療券って頼んでから何日くらいで届くの"])(
    "%s: none",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );

  it("the eligibility screen is right and our own system shows it wrong after importing: the vendor", () => {
    expect(matcher.match("オン資の画面では正しく出ているのに、電子カルテに取り込んだら記号が文字化けした").id).toBe(
      "3-vendor",
    );
  });
});

describe("a particle is no katakana term", () => {
  it("どうなるかな holds no カナ, and small talk stays out of the guide", () => {
    expect(matcher.match("明日の天気どうなるかな").id).toBe("none");
  });

  it("カナ written in katakana is still the kana name", () => {
    expect(matcher.match("オン資の結果で氏名のカナが空欄になってる").id).toBe("1-1");
  });
});

describe("set P", () => {
  it.each([
    ["Power cut in the whole clinic, so no eligibility checks at all. What now?", "2-4"],
    ["電話がずっと話し中なので文章で問い合わせたい、フォームある？", "3-form"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("cues in parts (いつ〜届)", () => {
  it("an ask said with words between its parts is the ask; parts far apart or out of order are not", async () => {
    const extractor = await featureExtractor();
    const asks = (text: string) => extractor.extract(text).concepts.has("ask-when-arrives");
    expect(asks("資格確認書はいつごろ届く？")).toBe(true);
    expect(asks("資格確認書はいつ自宅に届くの")).toBe(true);
    expect(asks("新しい保険証っていつになったら患者の自宅まで郵送で届くの")).toBe(false);
    expect(asks("届いた資格確認書はいつ使える")).toBe(false);
  });

  it.each(["限度額適用認定証っていつ新しいのが届くんですか", "転職後の保険者の登録は何日くらいで反映されますか"])(
    "%s: none (when a card arrives or data is registered is not in the guide)",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );
});

describe("tokenizing a story once", () => {
  it("each sentence's words are the words the whole text had there", async () => {
    const tokenizer = await loadTokenizer();
    const sentences = ["停電でオン資が止まりました。", "患者さんが三人待っています。", "どうすればいいですか？"];
    const whole = tokenizer.tokenize(sentences.join("")).map((t) => t.surface);
    const apart = sentences.flatMap((s) => tokenizer.tokenize(s).map((t) => t.surface));
    expect(apart).toEqual(whole);
    expect(tokenizer.tokenize(sentences.join("")).map((t) => t.surface)).toEqual(whole);
  });
});

describe("a topic answers only a question that names its subject (answerability.yaml subjects)", () => {
  it.each(["社員旅行の集合はいつまでに連絡すればいい？", "待合室のテレビが電源入らない"])(
    "%s: none (no calling, no hours, no reader)",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );

  it.each([
    ["カードリーダーが電源入らない", "3-reader"],
    ["コールセンターは何時まで？", "3-callcenter"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

it("a subject naming a concept the vocabulary does not have is refused when the matcher is built", async () => {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(loaded.message);
  const vocabulary = loadVocabulary(undefined, new Set(loaded.kb.topics.keys()));
  const broken = { ...vocabulary, subjects: [{ topic: "3-form", says: "x", concepts: ["no-such-concept"] }] };
  const tokenizer = await loadTokenizer();
  expect(() => createMatcher({ kb: loaded.kb, tokenizer, vocabulary: broken })).toThrow(/no-such-concept/);
});

describe("asks about replies, shares and busy lines; other cards with Latin letters (set V)", () => {
  answersNone([
    "フォームで問い合わせたら返事は何日後にくる？",
    "75歳になったら負担は何割になるの？",
    "コールセンターって平日の夕方は混雑してる？",
    "高速の料金所でETCカードが読めなかった",
  ]);

  it("a job change said with words between (仕事がこの前変わった) is the job change, not 「無効」", () => {
    expect(matcher.match("仕事がこの前変わった患者さん、資格確認で新しい保険が出てこない").id).toBe("2-3");
  });

  it("a term with Latin letters is found by its letters, never by the reading of its kana part", async () => {
    const extractor = await featureExtractor();
    expect(extractor.extract("kaado riidaa ga ugokanai").concepts.has("other-credential")).toBe(false);
    expect(extractor.extract("ETCカードが読めない").concepts.has("other-credential")).toBe(true);
  });
});

it("roles said with さん (常連さん, 皆さん, 薬剤師さん) are no names and no two people", async () => {
  const extractor = await featureExtractor();
  const f = extractor.extract("常連さんが何人か来ていて、皆さんマイナ保険証です。薬剤師さんも困ってます");
  expect(f.concepts.has("other-person")).toBe(false);
  expect(f.terms.has("w:常連")).toBe(true);
  expect(extractor.extract("窓口は鈴木さんなのに画面は高橋さん").concepts.has("other-person")).toBe(true);
});

it("a screen message pasted in half-width katakana beside kanji keeps every word (ｶﾞｲﾄｳ is no name いとう)", async () => {
  const extractor = await featureExtractor();
  expect(extractor.extract("ｶﾞｲﾄｳｽﾙﾎｹﾝｶﾞｱﾘﾏｾﾝ と表示、初診の方です").reading).toContain("がいと");
  expect(matcher.match("ｶﾞｲﾄｳｽﾙﾎｹﾝｶﾞｱﾘﾏｾﾝ と表示、初診の方です")).toMatchObject({ id: "1-2", variant: "none" });
});

describe("asks and cues of kinds sets X and Z showed", () => {
  it.each(["資格確認書の色って保険者ごとに違うの？", "出産育児一時金の手続きはどこで聞けばいい？"])("%s: none", (q) => {
    expect(matcher.match(q).id).toBe("none");
  });

  it("a new insurer nobody knows yet, with nothing shown, is the job change", () => {
    expect(matcher.match("退職した患者さん、新しい保険者がまだわからないそうです").id).toBe("2-3");
  });
});

it("the eligibility screen right in words between (オン資の画面ではちゃんと出てる) and our system wrong after importing: the vendor", () => {
  expect(matcher.match("電子カルテに資格情報を取り込むと生年月日がずれる。オン資の画面ではちゃんと出てる").id).toBe(
    "3-vendor",
  );
});

it("small kana shown large, said in plain words (小さい「ャ」が大きく), is the display (1-1), not another person", () => {
  expect(matcher.match("氏名のカナで小さい「ャ」が大きく出てます").id).toBe("1-1");
});

it("a clause of a screen message counts only nearly verbatim: a question sharing its first words is no pasted screen", () => {
  expect(matcher.match("マイナンバーカードの保険証利用登録を取り消したいと患者さんが言っている").id).toBe("none");
  expect(matcher.match("マイナンバーカードの保険証利用登録を受け付けました 処理しておりますので")).toMatchObject({
    id: "2-1",
    variant: "processing",
  });
});

it.each([
  ["げんざいむこうのほけんです", "lost"],
  ["ｹﾞﾝｻﾞｲ ﾑｺｳﾉ ﾎｹﾝﾃﾞｽ と出ました", "lost"],
  ["がいとうするほけんがありません って でた", "none"],
])("a screen message typed in kana (%s) finds its row: %s", (q, variant) => {
  expect(matcher.match(q)).toMatchObject({ id: "1-2", variant });
});

describe("asks of kinds set AE showed", () => {
  answersNone([
    "限度額の区分ってどうやって決まるの？",
    "オンライン資格確認は何のために導入されたんですか",
    "マイナ保険証を患者さんに勧めるときの声かけを教えて",
    "資格確認をしない医療機関に罰則はある？",
  ]);
});

describe("asks and other machines of kinds set AD showed", () => {
  answersNone([
    "資格確認書と保険証って何が違うんですか",
    "コールセンターの対応への苦情はどこに言えばいい",
    "事務所のウォーターサーバーが壊れた",
  ]);

  it("a cue read in kana text is no cue inside other words (しかくじょうほう holds no 苦情)", () => {
    expect(matcher.match("しすてむしょうがいじの しかくじょうほうしょうかい つかいかた").id).toBe("2-4-emergency");
  });
});

describe("asks and other machines of kinds set AG showed", () => {
  answersNone([
    "限度額の区分が変わるのってどういう条件？",
    "自宅のスマホで保険証の利用登録はできる？",
    "停電のとき院内の冷蔵庫のワクチンは大丈夫？",
  ]);
});

it("how much to collect at the counter is in the guide (自己負担分・3割分等 in 1-② and 2-①): no ask beyond the guide", () => {
  expect(matcher.match("資格が無効と出て申立書を書いてもらった。窓口ではいくら払ってもらう？").id).toBe("1-2");
});

describe("game cards and where a reader goes (sets AD, AG)", () => {
  it.each(["子どものポケモンカードを読めるリーダーってある？", "顔認証付きカードリーダーはどこに置けばいいですか"])(
    "%s: none",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );

  it("送れば in romaji is no 置けば (どこにおくれば holds どこにおく)", () => {
    expect(matcher.match("shisutemu shougaiji kinou no riyou houkokusho, doko ni okureba").id).toBe("2-4-emergency");
  });
});

it("whether someone will tell us afterwards is an ask of its own (the guide has only the emergency function's call back)", async () => {
  const extractor = await featureExtractor();
  expect(extractor.extract("保険者が直したら、うちにも連絡来るの？").concepts.has("ask-notified")).toBe(true);
  expect(extractor.extract("コールセンターに電話したら連絡先を聞かれた").concepts.has("ask-notified")).toBe(false);
});

it.each([
  ["この患者さんのマイナンバーカードだけ何度置いてもエラーになる", "2-5"],
  ["雷で店全体が停電した、受付どうする", "2-4"],
])("this patient only, with words between (この患者〜だけ), and the whole place (全体): %s → %s", (q, id) => {
  expect(matcher.match(q).id).toBe(id);
});

it.each(["かおにんしょうりーだーの めーかーの でんわばんごうは", "リーダーのメーカーのでんわばんごう"])(
  "the reader's maker asked for without a name is every maker's line (3-reader), not the call center's: %s",
  (q) => {
    expect(matcher.match(q).id).toBe("3-reader");
  },
);

describe("a runner-up the answer would become anyway is no rival (the confidence's second best)", () => {
  it("with one maker named, another maker's line or 3-reader does not make the answer less sure", async () => {
    const loaded = loadKnowledge();
    if (!loaded.ok) throw new Error(loaded.message);
    const e = (await buildMatcher(loaded.kb)).explain(
      "うちのリーダーは富士通製です。最近、顔認証の画面がよく固まります。メーカーの窓口は何時までやっていますか",
    );
    expect(e.id).toBe("3-reader-fujitsu");
    const otherReader = e.scores.find((s) => s.id !== "3-reader-fujitsu" && s.id.startsWith("3-reader"));
    expect(otherReader?.confidence ?? 0).toBeGreaterThan(e.signals.second);
    expect(e.confidence).toBeGreaterThanOrEqual(0.8);
  });
});

describe("a kanji compound the dictionary cuts in pieces, read as a term (an IME slip)", () => {
  it("無劫 (無|劫, read むこう) is 無効; 向こう, one word, is not", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("結果が無劫でした").concepts]).toContain("invalid");
    expect([...extractor.extract("向こうの窓口で聞いてください").concepts]).not.toContain("invalid");
    expect(matcher.match("オン資の結果が無劫でした").id).toBe("1-2");
  });

  it("停伝 (read 停る|伝, とまつて) is 停電: 停 in its place, 伝 sounds as 電 (でん); 保健, a word, is no 保険", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("朝から停伝しています").concepts]).toContain("outage");
    expect([...extractor.extract("伝票を停めています").concepts]).not.toContain("outage");
    expect([...extractor.extract("保健室で休んでもらった").concepts]).toEqual([]);
  });

  it("不二通 (不|二|通, read ふにつう) is 富士通: 通 in its place, 不二 reads as 富士 (ふじ)", () => {
    expect(matcher.match("不二通のリーダーが動かない").id).toBe("3-reader-fujitsu");
  });
});

describe("where a procedure is done or a form is filed (answerability.yaml where-to-file)", () => {
  it.each([
    ["引っ越した患者さんの国保の届出はどこに出すんですか", "none"],
    ["扶養に入る手続きってどこでするのか患者さんに聞かれた", "none"],
    ["緊急時医療情報・資格確認機能の利用報告書はどこに提出しますか", "2-4-emergency"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("the patient at the counter is another person's only beside a word of difference (distinctions.yaml)", () => {
  it("受付にいる患者さん全員 is everyone at the counter, not the person shown", () => {
    expect(
      matcher.match(
        "朝の工事のあとからオン資端末がどこにもつながらなくなりました。受付にいる患者さん全員、資格確認ができていません。とりあえずの受付の仕方を教えてください。",
      ).id,
    ).toBe("2-4");
    expect(matcher.match("画面に出た名前が受付にいる患者さんと全然違います").id).toBe("1-3");
  });
});

describe("しか with a negative says only, not not (Xしか持ってない)", () => {
  it("a card that is the only one brought is no forgotten card", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("患者さんはマイナ保険証しか持ってきていないそうです").concepts]).not.toContain(
      "forgot",
    );
    expect([...extractor.extract("患者さんはマイナ保険証を持ってきていないそうです").concepts]).toContain("forgot");
  });
});

describe("a term negated in the te-form after it did not happen (保険が変わっていない, 忘れてない)", () => {
  it("names no job change and no forgotten card", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("前回から保険が変わっていないことは口頭で確認しました").concepts]).not.toContain(
      "job-change",
    );
    expect([...extractor.extract("保険が変わった患者さん").concepts]).toContain("job-change");
    expect([...extractor.extract("カードは忘れてないそうです").concepts]).not.toContain("forgot");
  });
});

describe("a name nobody knows is another person's (知らない〜名前)", () => {
  it("finds the other person in 知らないおじいさんの名前", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("画面に知らないおばあさんの名前が出ました").concepts]).toContain("other-person");
  });
});

describe("1-4 answers only a question about the 高齢受給者証 share or the 限度額 category (subjects)", () => {
  it("a mismatch of something else is none; the guide's mismatch is 1-4", () => {
    expect(matcher.match("売上の集計が合わないんですけどどうしたら").id).toBe("none");
    expect(matcher.match("高齢受給者証の負担割合と限度額の区分が合わない").id).toBe("1-4");
  });
});

describe("a topic the confidence map all but rules out is no answer (minTopicConfidence)", () => {
  answersNone([
    "孫が代わりに来たとき、おばあちゃんのマイナ保険証で受付していいの？",
    "マイナ保険証の人も毎月確認しなきゃいけないの？",
  ]);
});

describe("the 資格確認書's own expiry is not the card's certificate (kakuninsho-expiry, out of the guide)", () => {
  it("an expired 資格確認書 is none; an expired certificate on the card is 2-5", () => {
    expect(matcher.match("資格確認書の期限が切れてるけど使っていいですか").id).toBe("none");
    expect(matcher.match("マイナンバーカードの電子証明書の有効期限が切れていて読めない").id).toBe("2-5");
  });
});

describe("an insurer change said as the new insurance (国保に変わった, 扶養に入った)", () => {
  it("is a job change; being someone's dependent is not", () => {
    expect(matcher.match("先月から国保に変わった患者さん、資格確認で何も出ない").id).toBe("2-3");
    expect(matcher.match("ご主人の扶養に入っている奥さまの区分が本人になっている").id).toBe("1-1");
  });
});

describe("a term with a kanji the dictionary cannot read is found as written only", () => {
  it("本人と違 / 表示が違 are not read as 本人と / 表示が (違 alone has no reading)", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("本人と家族の区分が逆です").concepts]).not.toContain("side-other-person-or-display-0");
    expect([...extractor.extract("表示が出ました").concepts]).not.toContain("difference");
    expect([...extractor.extract("表示が違う").concepts]).toContain("difference");
  });
});

describe("asking to write rather than call (phone-or-form: 文章で送, 文字で問い合わせ)", () => {
  it("is the form", () => {
    expect(matcher.match("電話する時間がないので文章で送れる問い合わせ先はありますか").id).toBe("3-form");
  });
});

describe("the negation rules stay narrow (review)", () => {
  it("ってなに is the topic marker, not a negative; しか inside たしか is no particle; しか with failing is no having", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("資格確認書ってなんですか").concepts]).toContain("kakuninsho");
    expect([...extractor.extract("たしかがめんにえらーがでた").concepts]).toContain("operation");
    expect([...extractor.extract("1台のパソコンでしかつながらない").concepts]).toContain("outage");
  });
});

describe("out of the guide after the distinctions (their boost does not bring a question back in)", () => {
  answersNone([
    "電子証明書の更新って、受付のリーダーでやってあげられる？",
    "別人の情報が出た件、個人情報の漏えいとして役所に報告しないといけないの？",
  ]);
  it("the situation itself is still answered", () => {
    expect(matcher.match("別人の情報が表示されました。どうすればいいですか").id).toBe("1-3");
  });
});

describe("the network named is no outage; the network failing is (ネット〜落ち, 回線〜止ま)", () => {
  it("finds an outage only with a failure after the network", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("オン資端末でインターネットを見てもいいですか").concepts]).not.toContain("outage");
    expect([...extractor.extract("朝からネットが止まって誰も資格確認できない").concepts]).toContain("outage");
    expect(matcher.match("朝からネットが止まって誰も資格確認できない").id).toBe("2-4");
  });
});

describe("whether another card is still needed (still-needed), and cues never read tolerantly", () => {
  it("asks nothing the guide answers", () => {
    expect(matcher.match("マイナ保険証があれば資格確認書はもういらないの？").id).toBe("none");
  });
  it("finds no ask by a fuzzy reading of a cue (ツナガラナクテ is no いらなくな)", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("ネットガツナガラナクテ ダレモシカクカクニンデキナイ").concepts]).not.toContain(
      "ask-still-needed",
    );
  });
});

describe("a katakana word the dictionary knows is spelt right (オンライン is no misspelt オフライン)", () => {
  it("is not read tolerantly as a term, while unknown misspellings still are", async () => {
    const extractor = await featureExtractor();
    expect([...extractor.extract("オンライン資格確認").concepts]).not.toContain("outage");
    expect([...extractor.extract("キャノソのリーダー").concepts]).toContain("canon");
  });
});

describe("long maker names misspelt by one character, in any script (fujitu, アトラ情報サービス)", () => {
  it.each([
    ["fujitu no card reader no toiawase", "3-reader-fujitsu"],
    ["アトラ情報サービスの電話番号おしえて", "3-reader-atlas"],
    ["パナソニッコネクトのリーダーが動かない", "3-reader-panasonic"],
  ])("%s → %s", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });
});

describe("a cue in parts typed in kana or romaji (解除〜でき as かいじょ…でき)", () => {
  it("is found by the parts' readings in kana text, not in text with kanji nor from a part's wrong reading", async () => {
    const extractor = await featureExtractor();
    const cancels = (text: string) => extractor.extract(text).concepts.has("ask-how-to-cancel");
    expect(cancels("ほけんしょうりようのとうろくって かいじょ あとからでもできますか")).toBe(true);
    expect(cancels("hokenshou riyou no touroku tte kaijo ato kara demo dekimasu ka")).toBe(true);
    // Text with kanji: only the parts as written count (解除 is not written here).
    expect(cancels("保険証利用の登録っていつ開場ですか、予約できますか")).toBe(false);
    // いつ〜届: 届 of 届く reads とどけ alone, so in kana text the cue is not read (no false とどけ).
    const arrives = (text: string) => extractor.extract(text).concepts.has("ask-when-arrives");
    expect(arrives("しかくかくにんしょ いつ とどけでればいいの")).toBe(false);
  });
});

describe("a story's question followed by a remark", () => {
  it("the ask of the last sentence ended with a question mark counts when a remark follows it", async () => {
    const loaded = loadKnowledge();
    if (!loaded.ok) throw new Error(loaded.message);
    const explaining = await buildMatcher(loaded.kb);
    const asked = (q: string) => explaining.explain(q).signals.unanswerable;
    const question = "受付で患者さんがマイナ保険証の利用登録をしていきました。この登録ってあとから解除できますか？";
    expect(asked(question)).toBe(true);
    expect(asked(`${question}窓口でいきなり聞かれて困っています。`)).toBe(true);
    // Without the question mark the remark is the last sentence and no ask is read from the one before.
    expect(asked(`${question.replace("？", "。")}窓口でいきなり聞かれて困っています。`)).toBe(false);
  });
});

describe("asks of kinds sets AL–AT showed (answerability.yaml, fifth round)", () => {
  answersNone([
    "高齢受給者証の負担割合って券面のどこに書いてありますか",
    "資格確認の端末で職員が私用のメールを見てもいいですか、目的外の利用になりますか",
    "患者さんのお母さんが代理でカードだけ持ってきました、それで受付していい？",
    "マイナンバーカードの顔写真が古くて本人か分かりにくい",
  ]);
});

describe("a pasted screen message and a question beyond its topic", () => {
  it("the message decides its topic, unless the question asks what that topic does not answer", () => {
    expect(matcher.match("「該当資格なし」と表示されました。どうすればいいですか").id).toBe("1-2");
    expect(
      matcher.match("「該当資格なし」と表示されました。患者さんは市役所と勤め先のどちらで手続きするんですか").id,
    ).toBe("none");
  });
});

describe("symbols and chips (sets AU, AV)", () => {
  it("a slash inside a Latin unit (mg/kg) is no slash in the 記号・番号; one beside kana or digits still is", async () => {
    const extractor = await featureExtractor();
    const oddChar = (text: string) => extractor.extract(text).concepts.has("odd-char");
    expect(oddChar("小児の用量は5mg/kgで計算します")).toBe(false);
    expect(oddChar("記号に/が入って表示されています")).toBe(true);
    expect(oddChar("番号が１２/３４と出ます")).toBe(true);
  });

  it("a chip or a card broken off at the corner is a broken card; missing characters are the display", async () => {
    const extractor = await featureExtractor();
    const concepts = (text: string) => extractor.extract(text).concepts;
    expect(concepts("カードのICの部分が欠けています").has("card-broken")).toBe(true);
    expect(concepts("氏名の漢字が欠けて表示される").has("card-broken")).toBe(false);
  });
});

describe("numbers, shares and the 1-4 subject (sets BD–BF)", () => {
  it("a term of a number with a symbol (30%) is found as written, never as the bare number (20人, 10分)", async () => {
    const extractor = await featureExtractor();
    const ratio = (text: string) => extractor.extract(text).concepts.has("ratio");
    expect(ratio("the certificate says 30% copay")).toBe(true);
    expect(ratio("20人くらい待っています")).toBe(false);
    expect(ratio("10分ほどお待ちください")).toBe(false);
  });

  it.each(["高齢受給者証の負担割合はどうやって決められていますか", "高齢受給者証の割合って何歳で変わるものなの"])(
    "%s: none (how the share is set is not the mismatch with the 限度額 category)",
    (q) => {
      expect(matcher.match(q).id).toBe("none");
    },
  );
});

it("in romaji a two-letter katakana term is a word of its own (kana), not a particle run on (ka na)", async () => {
  const extractor = await featureExtractor();
  const kana = (text: string) => extractor.extract(text).concepts.has("kana-name");
  expect(kana("kanja san no kana ga chigau")).toBe(true);
  expect(kana("ashita wa ame ka na")).toBe(false);
  expect(kana("ashita wa ame furu kana")).toBe(false);
});

describe("phones, field separators and the emergency function said plainly (set BF and the fifth round)", () => {
  it("not having a phone (スマホを持っていない) is no forgotten card; not having the card still is", async () => {
    const extractor = await featureExtractor();
    const forgot = (text: string) => extractor.extract(text).concepts.has("forgot");
    expect(forgot("患者さんはスマホを持っていないそうです")).toBe(false);
    expect(forgot("携帯も持ってないって")).toBe(false);
    expect(forgot("患者さんがマイナンバーカードを持っていないそうです")).toBe(true);
  });

  it("a slash with a space on both sides separates a pasted screen's fields; one in a number is the guide's", async () => {
    const extractor = await featureExtractor();
    const oddChar = (text: string) => extractor.extract(text).concepts.has("odd-char");
    expect(oddChar("氏名: 山川 一郎 / 性別: 男")).toBe(false);
    expect(oddChar("記号が12/34になっています")).toBe(true);
  });

  it("a chip broken off is the card, characters missing are the display", async () => {
    const extractor = await featureExtractor();
    const oddChar = (text: string) => extractor.extract(text).concepts.has("odd-char");
    expect(oddChar("カードの角のところが欠けています")).toBe(false);
    expect(oddChar("記号の漢字が欠けて表示されます")).toBe(true);
  });

  it("the emergency function named by what it does (障害時用の照会機能) is the emergency function", async () => {
    const extractor = await featureExtractor();
    expect(extractor.extract("障害時用の照会機能ってどう使うの").concepts.has("emergency-fn")).toBe(true);
  });
});

it("proceeding (進めていい, 進め方) is no ask of recommending the card (勧める reads すすめる too)", async () => {
  const extractor = await featureExtractor();
  const promotion = (text: string) => extractor.extract(text).concepts.has("ask-promotion");
  expect(promotion("このまま請求を進めていいですか")).toBe(false);
  expect(promotion("緊急時の照会機能の申請の進め方を教えて")).toBe(false);
  expect(promotion("マイナ保険証の利用を患者さんに勧めるにはどう声かけすればいい")).toBe(true);
});

describe("the review's cases (fifth round)", () => {
  it("the guide's own ● typed with spaces around it is still the display's symbol; only a slash separates fields", async () => {
    const extractor = await featureExtractor();
    expect(extractor.extract("名前の一部が ● で出る").concepts.has("odd-char")).toBe(true);
  });

  it("a number with a symbol right after another digit is a longer number (30% is not in 130%)", async () => {
    const extractor = await featureExtractor();
    expect(extractor.extract("負担が130%と出る").concepts.has("ratio")).toBe(false);
    expect(extractor.extract("負担が30%と出る").concepts.has("ratio")).toBe(true);
  });

  it("in romaji kana is the term wherever it is a word of its own but the last one", async () => {
    const extractor = await featureExtractor();
    expect(extractor.extract("kanja san no kana ga chigau kana").concepts.has("kana-name")).toBe(true);
  });
});

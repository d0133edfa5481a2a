import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../../src/core.js";
import type { ConversationState } from "../../../src/engine/conversation/conversation-state.js";
import { createDialogEngine, type DialogEngine } from "../../../src/engine/conversation/dialog-engine.js";
import { renderAnswerText } from "../../../src/engine/render-text.js";
import { sharedCore } from "../../helpers/test-server.js";

// A Saturday morning in Tokyo: the call center is open, 富士通Japan is closed.
const SATURDAY = new Date("2026-11-28T10:00:00+09:00");

let core: Core;
let dialog: DialogEngine;
beforeAll(async () => {
  core = await sharedCore();
  dialog = createDialogEngine({ ...core, clock: () => SATURDAY });
});

/** Plays the messages as one conversation, carrying the state as a channel would. */
function play(texts: readonly string[], now: Date = SATURDAY) {
  let state: ConversationState | undefined;
  return texts.map((text) => {
    const turn = dialog.turn({ text, now, state });
    state = turn.state;
    return turn;
  });
}

describe("follow-ups read in the light of the last answer", () => {
  it("a missing document after 「無効」 stays on 1-② and moves to its step ②", () => {
    const [, turn] = play(["マイナ保険証で読んだら無効って出た", "資格確認書も持ってないです"]);
    expect(turn?.resolution).toMatchObject({ id: "1-2", context: true });
    expect(turn?.answer?.context?.step).toBe(1);
    expect(turn?.answer?.steps[1]?.text).toContain("被保険者資格申立書");
    expect(renderAnswerText(turn!.answer!)).toContain("（前の回答）について");
  });

  it("a time question after a maker's hotline is about that line, with its Saturday hours", () => {
    const [, turn] = play(["富士通のリーダーの電話番号", "それって土曜もやってる？"]);
    expect(turn?.resolution).toMatchObject({ id: "3-reader-fujitsu", context: true });
    expect(turn?.answer?.context?.about).toBe("富士通Japan（前の回答）について");
    expect(turn?.answer?.summary).toMatch(/^富士通Japanは.*受付時間外です/);
    expect(turn?.answer?.summary).toContain("土・日・祝日");
  });

  it("a terse answer to the pending 「どのメーカーですか」 picks that maker", () => {
    const [first, turn] = play(["カードリーダーが壊れた、メーカーの窓口は？", "パナソニックです"]);
    expect(first?.answer?.clarify?.question).toContain("メーカー");
    expect(turn?.resolution).toMatchObject({ id: "3-reader-panasonic", context: true });
  });

  it("「カードです」 answers 1-②'s card-or-資格確認書 question", () => {
    const [first, turn] = play(["該当資格なしと表示されました", "カードです"]);
    expect(first?.answer?.clarify).toBeDefined();
    expect(turn?.resolution).toMatchObject({ id: "1-2", variant: "none", context: true });
    expect(turn?.answer?.fact).toBeDefined();
    expect(turn?.answer?.clarify).toBeUndefined();
  });

  it("a new self-contained question starts afresh", () => {
    const [, turn] = play(["富士通のリーダーの電話番号", "停電で資格確認ができません"]);
    expect(turn?.resolution.id).toBe("2-4");
    expect(turn?.resolution.context).toBeUndefined();
    expect(turn?.answer?.context).toBeUndefined();
  });

  it("a missing card stated as a new case is that case, not a gap in the last section", () => {
    // 1-③ has no step for a missing document; the statement is 2-② on its own.
    const [, turn] = play(["別人の情報が表示された", "患者がマイナンバーカードを持ってくるのを忘れた"]);
    expect(turn?.resolution.id).toBe("2-2");
    expect(turn?.resolution.context).toBeUndefined();
    // 「それも持ってきてない」 is still the same patient: the guide has no answer for it there.
    const [, , same] = play(["別人の情報が表示された", "資格確認書は？", "それも持ってきてないと"]);
    expect(same?.resolution.context).toBe(true);
  });

  it("a quoted screen message moves the conversation to its row", () => {
    const [, turn] = play(["転職したばかりの患者さん", "資格確認書で照会したら「無効（新しい資格あり）」と出た"]);
    expect(turn?.resolution).toMatchObject({ id: "1-2", variant: "new" });
  });
});

describe("follow-ups the guide has no answer to", () => {
  it("a fee the section never names is outside the guide; the call's own fee is not", () => {
    const [, fee] = play(["緊急時医療情報・資格確認機能を使えるようにする手順", "利用料ってかかる？"]);
    expect(fee?.resolution.id).toBe("none");
    const [, call] = play(["コールセンターの番号", "通話料かかる？"]);
    expect(call?.resolution.id).toBe("3-callcenter");
  });

  it("a short new question is not dragged back by the conversation", () => {
    expect(play(["富士通のリーダーの電話番号", "停電したら？"])[1]?.resolution.id).toBe("2-4");
    expect(play(["無効と出た", "カードを忘れた人は？"])[1]?.resolution.id).toBe("2-2");
  });
});

describe("acts", () => {
  it.each([
    ["こんにちは", "greeting"],
    ["ありがとうございます！", "thanks"],
    ["了解です", "ack"],
    ["ok、少し待ってもらいます", "ack"],
    ["何ができるの？", "help"],
  ] as const)("%s is %s, answered briefly and never as a guide question", (text, act) => {
    const [turn] = play([text]);
    expect(turn?.resolution).toMatchObject({ id: "none", act });
    expect(turn?.answer).toBeUndefined();
    expect(turn?.reply?.length).toBeGreaterThan(0);
    expect(turn?.reply?.length).toBeLessThan(200);
  });

  it("thanks keep the conversation: a time question afterwards is still about the line", () => {
    const turns = play(["アトラスのリーダーの窓口", "ありがとう", "土曜は？"]);
    expect(turns[1]?.resolution.act).toBe("thanks");
    expect(turns[2]?.resolution).toMatchObject({ id: "3-reader-atlas", context: true });
  });

  it("「もっと詳しく」 expands the topic being discussed", () => {
    const [, turn] = play(["停電で資格確認ができない", "もっと詳しく"]);
    expect(turn?.resolution).toMatchObject({ id: "2-4", act: "more", context: true });
    expect(turn?.answer?.steps.length).toBeGreaterThan(0);
  });

  it("a rejection naming the right topic answers it; a bare one names nothing", () => {
    const [, named] = play(["資格確認書と違う内容が表示される", "違う違う、無効って出る方"]);
    expect(named?.resolution).toMatchObject({ id: "1-2", act: "reject" });
    const [, bare] = play(["停電のときの対応", "それじゃなくて"]);
    expect(bare?.resolution).toMatchObject({ id: "none", act: "reject" });
    expect(bare?.state).toBeUndefined();
  });

  it("words that only start like an act are questions: 「違う人の情報が出た」「はいってない」", () => {
    expect(play(["違う人の情報が表示された"])[0]?.resolution).toMatchObject({ id: "1-3" });
    expect(play(["違う人の情報が表示された"])[0]?.resolution.act).toBeUndefined();
  });
});

describe("bounds", () => {
  it("after 30 minutes of silence a follow-up is read alone", () => {
    const [first] = play(["富士通のリーダーの電話番号"]);
    const later = new Date(SATURDAY.getTime() + 31 * 60_000);
    const turn = dialog.turn({ text: "それって土曜もやってる？", now: later, state: first?.state });
    expect(turn.resolution.context).toBeUndefined();
    expect(turn.resolution.id).not.toBe("3-reader-fujitsu");
  });

  it("the state holds ids and the guide's words, never the user's text", () => {
    const turns = play(["個人番号 123456789018 の患者、無効って出た", "資格確認書も持ってない"]);
    const stored = JSON.stringify(turns.map((t) => t.state));
    expect(stored).not.toContain("123456789018");
    expect(stored).not.toContain("持ってない");
  });

  it("any text gets a turn: empty, huge, control characters", () => {
    for (const text of ["", " ", "\u0000\uD800", "あ".repeat(50_000)]) {
      expect(() => dialog.turn({ text })).not.toThrow();
    }
  });
});

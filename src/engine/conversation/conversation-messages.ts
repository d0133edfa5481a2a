import type { Act } from "./conversation-state.js";

/** The assistant's own short replies to acts, and how an answer says that context decided it. */
export const actMsg: Readonly<Record<Exclude<Act, "more">, string>> & { readonly moreNothing: string } = {
  greeting: "お疲れさまです。オンライン資格確認で困っていることを、画面の表示や患者さんの状況のまま送ってください。",
  thanks: "どういたしまして。ほかにもお困りのことがあれば、いつでもお送りください。",
  ack: "承知しました。ほかにご不明な点があれば、続けてお送りください。",
  help: "「オンライン資格確認 運用時のヘルプガイド」のどこに対処が書いてあるかをお答えします。例：「無効と出た」「患者がカードを忘れた」「停電で資格確認できない」「富士通のリーダーの電話番号」。続けて「それって土曜もやってる？」のように聞き返すこともできます。",
  reject:
    "失礼しました。どのような状況か、画面の表示や患者さんの状況をもう少し詳しく教えてください（例：「カードを忘れた方」「該当資格なしと出た」）。",
  moreNothing: "何について詳しく知りたいかを教えてください（例：「無効と出たときの対応」）。",
};

export const contextMsg = {
  /** 「富士通Japan（前の回答）について」 */
  about: (subject: string) => `${subject}（前の回答）について`,
  /** The step a fact moved the answer to. */
  step: (n: number) => `手順${"①②③④⑤⑥⑦⑧⑨"[n] ?? String(n + 1)}をご覧ください。`,
  /** The fact was learnt, but the guide does not say what to do then. */
  notInGuide: (subject: string) =>
    `${subject}について、その場合の対応はガイドに記載がありません。コールセンターにお問い合わせください。`,
} as const;

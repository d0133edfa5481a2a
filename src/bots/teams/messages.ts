import { ANSWER_LABELS } from "../../engine/messages.js";
/** Every Japanese sentence the Teams channel shows (cards, replies, the message extension, the banner). */

export const teamsMsg = {
  bannerAuth: (appId: string, tenants: number) =>
    `POST /api/messages（Bot Framework 認証あり: アプリ ID ${appId}${tenants > 0 ? `、許可テナント ${tenants} 件` : ""}）`,
  bannerNoAuth: "POST /api/messages（認証なし（ローカル開発用）: MicrosoftAppId が未設定です）",
  turnError: (callCenter: string | undefined) =>
    `申し訳ありません。回答の作成中に問題が発生しました。もう一度お試しください。${callCenter ? `急ぎの場合は${callCenter}へお問い合わせください。` : ""}`,
  unauthorized: "認証に失敗しました。",
  badRequest: "リクエストを読み取れませんでした。",
  busy: "ただいま混み合っています。しばらくしてからもう一度お試しください。",
  feedbackThanks: "フィードバックありがとうございました。今後の改善に役立てます。",
  feedbackSorry:
    "お役に立てず申し訳ありません。フィードバックは改善に役立てます。別の言葉で質問し直すか、「コールセンター」と送ると問い合わせ先をご案内します。",
  emptyQuestion: "ご質問を入力してください。「ヘルプ」と送ると使い方を表示します。",
} as const;

export const cardMsg = {
  ...ANSWER_LABELS,
  fact: "確認方法",
  call: (phone: string) => `📞 ${phone} に電話`,
  showReadAloud: "読み上げ例を表示",
  helpful: "👍 役に立った",
  notHelpful: "👎 役に立たなかった",
  callCenter: "コールセンターの案内",
} as const;

/** Three example questions shown on the welcome card and in the manifest's command list. */
export const EXAMPLE_QUESTIONS = [
  "「無効」と表示された",
  "患者さんがマイナンバーカードを忘れた",
  "停電で資格確認ができない",
] as const;

export const welcomeMsg = {
  title: "オンライン資格確認 窓口支援アシスタント",
  intro:
    "受付でオンライン資格確認のイレギュラーが起きたとき、「オンライン資格確認 運用時のヘルプガイド」のどこに何が書いてあるかをお示しします。",
  can: [
    "画面の表示や困りごとを入力すると、該当する節（例：1-②）と対処の手順をお返しします。",
    "電話すべき窓口（コールセンター・カードリーダーメーカー）と、今つながるかどうかをお示しします。",
    "メッセージの作成欄の「…」から検索して、回答カードをチャットに貼り付けることもできます。",
  ],
  privacy:
    "患者さんの個人番号（マイナンバー）や保険証の記号・番号は入力しないでください。入力された場合も記録には残しません。",
  examples: "たとえば、こんな質問ができます",
  helpButton: "使い方（ヘルプ）",
} as const;

export const helpMsg = {
  title: "使い方",
  lines: [
    "困っている状況や、画面に表示された文言をそのまま送ってください（例：「該当資格なし」と出た）。",
    "チャネルでは @ メンションを付けて質問してください。回答はそのスレッドに返します。",
    "回答カードのボタンで、確認の質問への答え・関連する内容・ほかの候補をそのまま選べます。",
    "回答はすべて「オンライン資格確認 運用時のヘルプガイド」の記載に基づきます。ガイドにない内容はコールセンターをご案内します。",
    "「ヘルプ」または help と送ると、この説明を表示します。",
  ],
  commonTopics: "よくある内容",
} as const;

export const extensionMsg = {
  noResults: "該当する内容が見つかりませんでした",
} as const;

/** Words that ask for the help card (compared after NFKC and lower-casing). */
export const HELP_WORDS = ["help", "ヘルプ", "へるぷ", "使い方", "つかいかた", "?", "？"] as const;

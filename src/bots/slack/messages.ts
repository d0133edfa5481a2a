import { ANSWER_LABELS } from "../../engine/messages.js";
/** Every Japanese sentence the Slack channel shows (Block Kit, replies, App Home, the banner). */

export const slackMsg = {
  bannerHttp: (url: string) => `HTTP: ${url}`,
  bannerSocket: "Socket Mode",
  socketStartFailed: (reason: string) => `Slack の Socket Mode に接続できませんでした（${reason}）`,
  emptyQuestion:
    "ご質問を入力してください。困っている状況や、画面に表示された文言をそのまま送ってください（例：「該当資格なし」と出た）。",
  commandUsage: "使い方：/onshi 質問（例：/onshi 無効と表示された）",
  feedbackThanks: "フィードバックありがとうございました。今後の改善に役立てます。",
  feedbackSorry:
    "お役に立てず申し訳ありません。フィードバックは改善に役立てます。別の言葉で質問し直すか、「コールセンター」と送ると問い合わせ先をご案内します。",
  sharedBy: (userId: string) => `<@${userId}> さんが共有しました`,
  invalidButton: "このボタンは古いか、読み取れませんでした。もう一度質問してください。",
  /** The Messages tab: the status line while an answer is made, and the title above the suggested prompts. */
  status: "ヘルプガイドを確認しています…",
  promptsTitle: "よくある内容",
  lookupPreface: "このメッセージをヘルプガイドで調べました（あなたにだけ表示されています）。",
  lookupEmpty: "このメッセージには調べられる文字がありません。画面の表示や困りごとを /onshi 質問 で送ってください。",
} as const;

export const blockMsg = {
  ...ANSWER_LABELS,
  /** The guide writes some hours with their own 「受付時間」 (「受付時間 9:00～17:00…」): one label, never two. */
  hours: (text: string) => `受付時間：${text.replace(/^受付時間[\s\u3000：:]*/u, "")}`,
  didYouMean: (quoted: string) => `『${quoted}』についての回答です。${ANSWER_LABELS.alternatives}？`,
  alternatives: `${ANSWER_LABELS.alternatives}？`,
  helpful: "👍 役に立った",
  notHelpful: "👎 役に立たなかった",
  share: "チャンネルに共有",
  shareInThread: "スレッドに共有",
  omitted: "（長いため一部を省略しました。続きは該当する節のボタンから、またはヘルプガイド本文でご確認ください）",
} as const;

export const homeMsg = {
  title: "オンライン資格確認 窓口支援アシスタント",
  intro:
    "受付でオンライン資格確認のイレギュラーが起きたとき、「オンライン資格確認 運用時のヘルプガイド」のどこに何が書いてあるかをお示しします。",
  howTo: [
    "チャンネルでは @メンション を付けて質問してください。回答はそのスレッドに返します。",
    "このアプリの「メッセージ」タブでも質問できます（よくある内容から選ぶこともできます）。",
    "/onshi 質問 で、自分だけに見える回答を表示します（「チャンネルに共有」ボタンで共有できます）。",
    "メッセージのメニュー（…）の「ガイドで調べる」で、そのメッセージを書き写さずに調べられます。",
  ],
  privacy:
    "患者さんの個人番号（マイナンバー）や保険証の記号・番号は入力しないでください。入力された場合も記録・表示はしません。",
  topics: "よくある内容",
  lines: (at: string) => `問い合わせ先と受付状況（${at} 時点）`,
  source: (guide: string) => `出典：${guide}`,
  groups: {
    "1": "1. 資格確認の結果",
    "2": "2. 受付での困りごと",
    "3": "3. お問い合わせ窓口",
  } as Readonly<Record<string, string>>,
} as const;

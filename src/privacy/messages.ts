/** Shown instead of a message that carried a 個人番号 (番号法 §20: not collected, not kept). */
export const PERSONAL_NUMBER_WARNING =
  "個人番号（マイナンバー）が含まれていたため記録・表示していません。チャットに個人番号を送らないでください。送信したメッセージは削除してください。";

/** Sentences of the miss report (report-misses) for the help-desk lead. */
export const reportMsg = {
  missHeading: "回答できなかった質問",
  feedbackHeading: "フィードバック",
  none: "（なし）",
  missSummary: (records: number, kinds: number) => `（${records}件・${kinds}種類）`,
  feedbackSummary: (records: number) => `（${records}件）`,
  count: (n: number) => `${n}件`,
  nearTopic: (topic: string) => `（近い話題: ${topic}）`,
  feedbackRow: (topic: string, helpful: number, notHelpful: number) =>
    `${topic}: 役に立った ${helpful}件 / 役に立たなかった ${notHelpful}件`,
  hint: "よくある質問から順に、ナレッジの例文（質問の言い回し）に追加してください。",
  noFile: (path: string) => `記録ファイルがありません: ${path}（まだ記録がありません）`,
  readFailed: (path: string, reason: string) => `記録ファイルを読めませんでした: ${path}（${reason}）`,
} as const;

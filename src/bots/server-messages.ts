/** What the HTTP server says to a caller when it cannot serve the request (never an error's text). */
export const SERVER_MESSAGES = {
  internalError: "申し訳ありません。処理中に問題が発生しました。しばらくしてからもう一度お試しください。",
  notReady: "起動中です。しばらくしてからもう一度お試しください。",
  notFound: "このアドレスにはページがありません。",
  methodNotAllowed: "このアドレスではその操作はできません。",
  originRefused: "このページからの要求は受け付けていません。",
} as const;

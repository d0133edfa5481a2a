// Small DOM helpers: every string goes in through textContent, never as HTML.

/** The page's own wording. */
export const MSG = {
  best: "最も近い回答",
  candidate: "候補",
  copy: "番号をコピー",
  copied: "コピーしました",
  copyFailed: "コピーできませんでした。番号を選択してコピーしてください",
  open: "受付中",
  closed: "受付時間外",
  uncertain: "要確認",
  tellFirst: "電話ではまず: ",
  readAloud: "読み上げ例",
  warnings: "注意",
  steps: "手順",
  notes: "注意事項",
  contacts: "電話窓口",
  parties: "問い合わせ先",
  links: "参考資料",
  crossRefs: "あわせて確認",
  related: "関連するトピック",
  source: "出典",
  quotes: "ガイドの記載",
  knownDifferences: "差異が生じる可能性がある場合（ガイドの補足説明）",
  fact: "前提: ",
  showSteps: "手順を表示",
  at: (hhmm) => `${hhmm} 時点`,
  showing: (title, section, others) =>
    `${section} ${title} を表示しています。${others > 0 ? `ほかの候補 ${others} 件（↓で選択）。` : ""}`,
  opened: (title, section) => `${section} ${title} を開きました。`,
  noAnswer: "該当するトピックが見つかりませんでした。",
  cleared: "検索欄を消去しました。",
  error: "回答を取得できませんでした。しばらくしてからもう一度お試しください。",
  unauthorized: "ログインが必要です。ページを再読み込みしてください。",
};

/** el("p", { class: "x", text: "…", attrs: { id: "y" } }, child…) */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function clear(node) {
  node.replaceChildren();
}

/** "2026-11-23T10:00:00+09:00" → "10:00" (the server writes JST). */
export function clockOf(iso) {
  return typeof iso === "string" && iso.length >= 16 ? String(Number(iso.slice(11, 13))) + iso.slice(13, 16) : "";
}

let toastTimer = 0;
export function toast(message) {
  const box = document.getElementById("toast");
  if (!box) return;
  box.textContent = message;
  box.classList.add("show");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    box.classList.remove("show");
    box.textContent = "";
  }, 2500);
}

/** navigator.clipboard where the page is a secure context (localhost, https); a hidden textarea otherwise (http on a LAN). */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the textarea
    }
  }
  const active = document.activeElement;
  const area = el("textarea", { class: "offscreen", attrs: { readonly: true, "aria-hidden": "true" } });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  if (active instanceof HTMLElement) active.focus();
  return ok;
}

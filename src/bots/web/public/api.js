// fetch for the page's JSON API: same-origin credentials (the Basic login is resent), errors in Japanese.
import { MSG } from "./dom.js";

export class HttpError extends Error {
  constructor(status, userMessage) {
    super(`HTTP ${status}`);
    this.status = status;
    this.userMessage = userMessage;
  }
}

export async function api(path, body, signal) {
  const init = body
    ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal }
    : { signal };
  const res = await fetch(path, { ...init, credentials: "same-origin", cache: "no-store" });
  if (!res.ok) {
    const data = await res.json().catch(() => ({}));
    throw new HttpError(res.status, res.status === 401 ? MSG.unauthorized : (data.error ?? MSG.error));
  }
  return res.json();
}

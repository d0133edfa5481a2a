// The Bot Framework SDK downloads its signing keys (OpenID metadata, then the JWKS) with no timeout
// and no memory of a failure: every forged request would start a download and hold its socket for
// as long as the network lets it. Its download is replaced here, once per process: a timeout, one
// download at a time per metadata URL, and a failure remembered briefly (requests meanwhile are
// refused at once, 401). The SDK's own parsing of the keys (findKey) is kept.
import { OpenIdMetadata } from "botframework-connector/lib/auth/openIdMetadata.js";

export const KEY_FETCH_TIMEOUT_MS = 5_000;
export const KEY_FAILURE_TTL_MS = 30_000;

interface Jwks {
  keys?: unknown;
}

interface RefreshState {
  pending: Promise<void> | undefined;
  failedAt: number | undefined;
}

/** The SDK object's own fields (private in its types): where it reads from, and what findKey reads. */
interface Metadata {
  url: string;
  keys?: unknown;
  lastUpdated: number;
}

const states = new WeakMap<object, RefreshState>();
let installed = false;
/** The latest mounted channel's logger hears the failures. */
let report: (reason: string) => void = () => undefined;

async function download(metadata: Metadata, timeoutMs: number): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs);
  const config = await fetch(metadata.url, { signal });
  if (!config.ok) throw new Error(`openid configuration: HTTP ${config.status}`);
  const { jwks_uri: jwksUri } = (await config.json()) as { jwks_uri?: unknown };
  if (typeof jwksUri !== "string") throw new Error("openid configuration: no jwks_uri");
  const jwks = await fetch(jwksUri, { signal });
  if (!jwks.ok) throw new Error(`jwks: HTTP ${jwks.status}`);
  const { keys } = (await jwks.json()) as Jwks;
  if (!Array.isArray(keys)) throw new Error("jwks: no keys");
  metadata.keys = keys;
  metadata.lastUpdated = Date.now();
}

/** Installs the bounded download (idempotent). `onFailure` hears each failed download once. */
export function boundSigningKeyDownloads(
  onFailure: (reason: string) => void,
  limits = { timeoutMs: KEY_FETCH_TIMEOUT_MS, failureTtlMs: KEY_FAILURE_TTL_MS },
): void {
  report = onFailure;
  if (installed) return;
  installed = true;
  const proto = OpenIdMetadata.prototype as unknown as { refreshCache(this: Metadata): Promise<void> };
  proto.refreshCache = function refreshCache(this: Metadata): Promise<void> {
    const state = states.get(this) ?? { pending: undefined, failedAt: undefined };
    states.set(this, state);
    if (state.pending) return state.pending;
    if (state.failedAt !== undefined && Date.now() - state.failedAt < limits.failureTtlMs) {
      return Promise.reject(new Error("signing keys unavailable (a recent download failed)"));
    }
    state.pending = download(this, limits.timeoutMs).then(
      () => {
        state.failedAt = undefined;
        state.pending = undefined;
      },
      (err: unknown) => {
        state.failedAt = Date.now();
        state.pending = undefined;
        const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        report(reason.slice(0, 200));
        throw new Error("signing keys unavailable");
      },
    );
    return state.pending;
  };
}

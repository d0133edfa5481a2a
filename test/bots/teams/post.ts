export interface PostResult {
  readonly status: number;
  readonly text: string;
  json(): unknown;
}

/** POSTs an activity to the server's Teams endpoint, as the Bot Connector does. */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import type { Activity, ResourceResponse } from "botbuilder";

export const TYPING_DELAY_MS = 400;

interface Sender {
  sendActivity(activity: Partial<Activity>): Promise<ResourceResponse | undefined>;
}

/**
 * Runs `work`, showing Teams' typing indicator only if it is still running after `delayMs`. The
 * engine answers in about a millisecond, so a typing activity sent up front would cost an extra
 * outbound call for nothing and could arrive after the answer.
 */
export async function typingWhileSlow<T>(
  context: Sender,
  work: () => T | Promise<T>,
  onError: (err: unknown) => void,
  delayMs = TYPING_DELAY_MS,
): Promise<T> {
  let typing: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    typing = context.sendActivity({ type: "typing" }).catch(onError);
  }, delayMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    await typing;
  }
}

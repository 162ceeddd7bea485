// What a failed hub call means to the page: the server's refusal code and message, and whether to try again.
import type { RefusalCode } from "./protocol";

/** The refusal code the server named (`HubException: Code: message`), or undefined for a fault it could not name. */
export function refusalCode(error: unknown): RefusalCode | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /HubException: (\w+):/.exec(message) ?? /^(\w+):/.exec(message);
  return match?.[1] as RefusalCode | undefined;
}

/** The server's message without its code, for the person. */
export function refusalMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /HubException: \w+: (.*)$/s.exec(message);
  return match?.[1] ?? message;
}

/**
 * A failure worth trying again: the server busy or recovering (`Unavailable`, `RateLimited`), the connection down,
 * or a fault it could not name. Everything else (forbidden, invalid, too large…) will be refused again.
 */
export function isWorthRetrying(error: unknown): boolean {
  const code = refusalCode(error);
  return code === undefined || code === "Unavailable" || code === "RateLimited";
}

/** The wait before try number `failures + 1`: 100 ms doubling to 2 s, as the .NET client waits. */
export function retryDelayMs(failures: number): number {
  return Math.min(2000, 100 * 2 ** Math.min(failures, 5));
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

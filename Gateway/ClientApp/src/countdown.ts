// Countdowns of the agenda and the breakout round.

/** `m:ss` until `deadline` (or `+m:ss` over). */
export function countdown(deadline: string, now = Date.now()): string {
  const ms = Date.parse(deadline) - now;
  const text = minutesSeconds(Math.ceil(Math.abs(ms) / 1000));
  return ms >= 0 ? text : `+${text}`;
}

/** `m:ss` for a number of whole seconds. */
export function minutesSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

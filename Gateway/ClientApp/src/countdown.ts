// Countdowns of the agenda and the breakout round.

/** `m:ss` until `deadline` (or `+m:ss` over). */
export function countdown(deadline: string, now = Date.now()): string {
  const ms = Date.parse(deadline) - now;
  const s = Math.ceil(Math.abs(ms) / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return ms >= 0 ? text : `+${text}`;
}

// The whole agenda, with the phase running now marked, and the labelled timers of the header.
import { h, clear } from "./dom";
import { countdown, minutesSeconds } from "./countdown";
import type { SessionState } from "./protocol";

/** Renders the agenda into `list`: every phase with its length, done ones struck, the current one marked. */
export function renderAgenda(list: HTMLOListElement, state: SessionState): void {
  const finished = state.agendaStatus === "finished";
  clear(list, ...state.agenda.map((p, i) => {
    const current = !finished && i === state.phase;
    const done = finished || i < state.phase;
    return h("li", { class: current ? "current" : done ? "done" : "", "aria-current": current ? "step" : undefined },
      h("span", { class: "phase-title" }, p.title),
      h("span", { class: "meta" }, ` · ${p.minutes} min${p.breakout ? ` · ${p.breakout.rooms} breakout rooms` : ""}${current ? " · now" : done ? " · done" : ""}`));
  }));
}

/** The timers as a person reads them: "Phase ends in 9:58", "Rooms close in 4:10"; empty when none runs. */
export function timerLabels(state: SessionState, now = Date.now()): { phase: string; round: string } {
  if (state.status !== "live") return { phase: "", round: "" };
  let phase = "";
  if (state.agendaStatus === "paused" && state.remainingSeconds !== undefined && state.remainingSeconds !== null) {
    phase = `Phase paused · ${minutesSeconds(Math.max(0, Math.floor(state.remainingSeconds)))} left`;
  } else if (state.deadline && (state.agendaStatus === "running" || state.agendaStatus === "overtime")) {
    const left = countdown(state.deadline, now);
    phase = left.startsWith("+") ? `Phase over time by ${left.slice(1)}` : `Phase ends in ${left}`;
  }
  let round = "";
  if (state.breakout) {
    round = state.breakout.phase !== undefined && state.breakout.phase !== null
      ? "Rooms close with this phase"
      : (() => { const left = countdown(state.breakout!.deadline, now); return left.startsWith("+") ? "Rooms closing…" : `Rooms close in ${left}`; })();
  }
  return { phase, round };
}

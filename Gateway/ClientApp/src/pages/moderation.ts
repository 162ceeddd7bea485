import { h, clear } from "../dom";
import { confirmAction } from "../dialog";
import type { LiveCall } from "../live";
import type { HelpRow, MemberRow, SessionBoard, SessionState } from "../protocol";
import { outranks } from "../roles";

/** Minutes and seconds since `at`, for a waiting time. */
function waited(at: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(at)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

/**
 * A facilitator's moderation of the live meeting: the help queue across rooms (as requests arrive, with room and
 * waiting time; claim, visit, resolve) and everyone present with mute, remove and ban (moving people is in the
 * round's own list). Every action is the
 * server's to allow; a refusal is shown by the page as any other.
 */
export class ModerationPanel {
  readonly helpElement = h("section", { class: "help-queue", "aria-labelledby": "help-title" });
  readonly peopleElement = h("section", { class: "moderate", "aria-labelledby": "moderate-title" });
  /** Says a new request aloud (and on screen) as it arrives. */
  private readonly announce = h("p", { class: "help-alert", role: "alert" });
  private readonly badge = h("span", { class: "badge", "aria-label": "open requests" }, "0");
  private readonly helpList = h("ul", { class: "help-list", "aria-label": "Help requests" });
  private readonly peopleList = h("ul", { class: "moderate-list", "aria-label": "Moderation" });
  private board: SessionBoard | null = null;
  private state: SessionState | null = null;
  private seen = new Set<string>();
  /**
   * Requests seen waiting and not yet helped: one that leaves the feed while its round runs was resolved; those
   * still here when the round ends were taken by it (closing a round resolves its rooms' requests).
   */
  private readonly waiting = new Map<string, HelpRow>();
  /** The round whose end was last told, so a round's closing and its end are told once. */
  private endedRound: string | null = null;
  private first = true;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly sessionId: string,
    private readonly communityId: string,
    private readonly me: string,
    private readonly role: string,
    private readonly call: LiveCall,
    private readonly visit: (roomId: string) => void) {
    clear(this.helpElement, h("h2", { id: "help-title" }, "Help requests ", this.badge), this.announce, this.helpList);
    clear(this.peopleElement, h("h2", { id: "moderate-title" }, "Moderate"), this.peopleList);
    // Waiting times keep counting between updates.
    this.timer = setInterval(() => this.renderQueue(), 15_000);
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  /** A newer view of the session from the moderators' feed. */
  updateBoard(board: SessionBoard): void {
    this.board = board;
    this.announceChanges();
    this.renderQueue();
    this.renderPeople();
  }

  updateState(state: SessionState): void {
    const round = this.state?.breakout;
    this.state = state;
    // The session says the round is ending before its rooms' requests leave the feed.
    if (round && round.round !== this.endedRound && (!state.breakout || state.breakout.closing)) {
      this.endedRound = round.round;
      const rooms = new Set(round.rooms.map((r) => r.roomId));
      const taken = [...this.waiting.values()].filter((r) => rooms.has(r.roomId));
      for (const r of taken) this.waiting.delete(key(r));
      if (taken.length > 0) {
        this.announce.textContent = `The round closed with ${taken.map((r) => `${r.member}'s request`).join(", ")} still open: they are back in the main room.`;
      }
    }
    this.renderPeople();
  }

  /** Says what changed since the last view: requests that arrived, and those a closing round took away. */
  private announceChanges(): void {
    const help = this.board?.help ?? [];
    const arrived = help.filter((r) => r.status === "open" && !this.seen.has(key(r)));
    for (const r of help) this.seen.add(key(r));
    // Gone from the feed while its round runs: resolved. Gone as the round ends: told by updateState.
    const running = !!this.state?.breakout && !this.state.breakout.closing;
    const now = new Set(help.map(key));
    for (const [k, r] of this.waiting) {
      if (!now.has(k) && running && this.state!.breakout!.rooms.some((room) => room.roomId === r.roomId)) this.waiting.delete(k);
    }
    for (const r of help) this.waiting.set(key(r), r);
    if (arrived.length > 0 && !this.first) {
      this.announce.textContent = `${arrived.map((r) => `${r.member} in ${r.room}`).join(", ")} asked for help.`;
    } else if (help.length === 0 && this.announce.textContent?.endsWith("asked for help.")) {
      // Everyone who asked has been helped; a note about a closed round stays until something new happens.
      this.announce.textContent = "";
    }
    this.first = false;
  }

  /** The badge and the list, with waiting times as of now. */
  private renderQueue(): void {
    const help = this.board?.help ?? [];
    const open = help.filter((r) => r.status === "open");
    this.badge.textContent = String(open.length);
    this.badge.classList.toggle("hot", open.length > 0);
    clear(this.helpList, ...(help.length === 0 ? [h("li", { class: "empty" }, "No one is waiting for help.")] : help.map((r) => this.helpRow(r))));
  }

  private helpRow(r: HelpRow): HTMLElement {
    const claimed = r.status === "claimed";
    return h("li", { class: claimed ? "claimed" : "open" },
      h("strong", {}, r.member), ` in ${r.room} · waiting ${waited(r.at)}`,
      r.note ? h("span", { class: "note" }, ` — “${r.note}”`) : "",
      claimed ? h("span", { class: "meta" }, ` · ${r.claimedBy ?? "a facilitator"} is on the way`) : "",
      h("span", { class: "actions" },
        claimed ? "" : h("button", { type: "button", onclick: () => void this.call("ClaimHelp", r.roomId, r.requestId) }, `I'll help ${r.member}`),
        h("button", { type: "button", onclick: () => this.visit(r.roomId) }, `Visit ${r.room}`),
        h("button", { type: "button", onclick: () => void this.call("ResolveHelp", r.roomId, r.requestId) }, "Resolved")));
  }

  private renderPeople(): void {
    const members = (this.board?.members ?? []).filter((m) => m.memberId !== this.me);
    clear(this.peopleList, ...(members.length === 0 ? [h("li", { class: "empty" }, "No one else here yet.")] : members.map((m) => this.personRow(m))));
  }

  private personRow(m: MemberRow): HTMLElement {
    const muted = this.state?.muted.includes(m.memberId) ?? m.muted;
    const status = [m.room ?? "", m.online ? "" : "away", muted ? "muted" : "", m.handRaised ? "✋" : ""].filter(Boolean).join(" · ");
    const who = h("span", { class: "who" }, h("strong", {}, m.name), ` (${m.role})`, h("span", { class: "meta" }, status ? ` · ${status}` : ""));
    // Only people below one's own role can be moderated: the server's rule, so no button offers what it refuses.
    if (!outranks(this.role, m.role)) return h("li", {}, who);
    return h("li", {},
      who,
      h("span", { class: "actions" },
        h("button", { type: "button", "aria-pressed": String(muted), onclick: () => void this.call("MuteMember", this.sessionId, m.memberId, !muted, null) },
          muted ? `Unmute ${m.name}` : `Mute ${m.name}`),
        h("button", { type: "button", class: "danger", onclick: () => void this.remove(m) }, `Remove ${m.name}`),
        h("button", { type: "button", class: "danger", onclick: () => void this.ban(m) }, `Ban ${m.name}`)));
  }

  private async remove(m: MemberRow): Promise<void> {
    const reason = await confirmAction({
      title: `Remove ${m.name} from this meeting?`,
      message: `${m.name} leaves the meeting at once and cannot rejoin it. They stay a member of the community.`,
      confirm: `Remove ${m.name}`, reason: "Reason (optional, kept in the audit log)",
    });
    if (reason !== null) await this.call("RemoveMember", this.sessionId, m.memberId, reason || null);
  }

  private async ban(m: MemberRow): Promise<void> {
    const reason = await confirmAction({
      title: `Ban ${m.name} from the community?`,
      message: `${m.name} is removed from every meeting of this community and cannot join again until an owner lifts the ban.`,
      confirm: `Ban ${m.name}`, reason: "Why? (kept in the audit log)", reasonRequired: true,
    });
    if (reason !== null) await this.call("BanMember", this.communityId, m.memberId, reason);
  }
}

function key(r: HelpRow): string {
  return `${r.roomId}/${r.requestId}`;
}

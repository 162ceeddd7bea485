// A facilitator's view of one live session from the moderators' hub: who is in which room (online, muted, hand
// raised) and the help queue across rooms, pushed as it changes. The same feed the console shows, scoped by the
// server to what this member facilitates.
import type { HubConnection } from "@microsoft/signalr";
import { connect } from "./live";
import { hubPaths, type AdminClient, type AdminHub, type Board, type SessionBoard } from "./protocol";

export class SessionFeed {
  private readonly hub: HubConnection;
  private revision = -1;
  private stopped = false;

  /** `changed` gets each newer view of the session. */
  constructor(private readonly sessionId: string, private readonly changed: (board: SessionBoard) => void) {
    this.hub = connect(hubPaths.admin);
    // The feed carries more (communities, the pulse); the page takes only its session's view.
    const onBoard: AdminClient["SessionBoard"] = (board) => this.take(board);
    this.hub.on("SessionBoard", onBoard);
    this.hub.onreconnected(() => void this.open());
  }

  async start(): Promise<void> {
    await this.hub.start();
    await this.open();
  }

  stop(): void {
    this.stopped = true;
    void this.hub.stop();
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    // Another gateway numbers its views afresh.
    this.revision = -1;
    const board = await this.hub.invoke<ReturnType<AdminHub["OpenBoard"]>>("OpenBoard") as Board;
    const mine = board.sessions.find((s) => s.sessionId === this.sessionId);
    if (mine) this.take(mine);
  }

  private take(board: SessionBoard): void {
    if (board.sessionId !== this.sessionId || board.revision < this.revision) return;
    this.revision = board.revision;
    this.changed(board);
  }
}

// A facilitator's view of one live session from the moderators' hub: who is in which room (online, muted, hand
// raised) and the help queue across rooms, pushed as it changes. The same feed the console shows, scoped by the
// server to what this member facilitates.
import { HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { token } from "./api";
import { gateway, nextGateway } from "./gateways";
import { hubPaths, type AdminClient, type AdminHub, type Board, type SessionBoard } from "./protocol";
import { retryDelayMs } from "./refusal";

export class SessionFeed {
  private readonly hub: HubConnection;
  private revision = -1;
  private stopped = false;

  /** `changed` gets each newer view of the session. */
  constructor(private readonly sessionId: string, private readonly changed: (board: SessionBoard) => void) {
    this.hub = new HubConnectionBuilder()
      .withUrl(gateway() + hubPaths.admin, { accessTokenFactory: () => token() ?? "", withCredentials: false })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => {
        if (retry.previousRetryCount > 0) this.hub.baseUrl = nextGateway() + hubPaths.admin;
        return retryDelayMs(retry.previousRetryCount);
      } })
      .configureLogging(LogLevel.None)
      .build();
    const onBoard: AdminClient["SessionBoard"] = (board) => this.take(board);
    this.hub.on("SessionBoard", onBoard);
    // The feed carries more than this page shows; the rest is not for it.
    for (const event of ["CommunityChanged", "Pulse", "DocumentOps", "CursorsChanged", "DocumentLockChanged", "RoomChanged"] satisfies (keyof AdminClient)[]) {
      this.hub.on(event, () => {});
    }
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

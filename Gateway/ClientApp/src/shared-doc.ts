// One shared document in the browser: the ShareDB client discipline over our hub protocol (docs/protocol.md).
// One op is in flight, the rest are composed into `pending`; remote ops are transformed past both; after a
// reconnect the document is caught up with GetOps and the in-flight op is resubmitted with the same seq.
import type { HubConnection } from "@microsoft/signalr";
import { HubConnectionState } from "@microsoft/signalr";
import { type as text, type TextOp } from "ot-text-unicode";
import { invoke, off, on } from "./live";
import type { CursorsChangedEvent, DocumentLockChangedEvent, DocumentOpsEvent, RefusalCode, RemoteCursor, RemoteOp } from "./protocol";
import { delay, isWorthRetrying, refusalCode, refusalMessage, retryDelayMs } from "./refusal";


/**
 * How long the broadcast of an acknowledged op is awaited before it is fetched. The gateway holds a document's
 * broadcasts for at most a second (to send a busy document's ops together), so the reply to SubmitOp often comes
 * first; fetching each time would cost a round trip per op.
 */
const broadcastGraceMs = 2_000;

/** Errors that mean the op will never be accepted (muted, locked, removed…). */
const permanent = new Set<RefusalCode>(["Forbidden", "InvalidOp", "TooLarge", "NotFound", "InvalidArgument"]);

export class SharedDoc {
  readonly clientId = crypto.randomUUID();
  text = "";
  version = 0;
  title = "";
  /** Whether the document is locked (edits are refused for all but facilitators); kept current by the server's events. */
  locked = false;
  private inflight: { op: TextOp; seq: number } | null = null;
  private pending: TextOp | null = null;
  private seq = 0;
  private sending = false;
  private catchingUp = false;
  private closed = false;
  private awaited: { version: number; reached: () => void } | null = null;
  /** Failed calls in a row, for the wait before the next try (100 ms doubling to 2 s, never giving up). */
  private failures = 0;

  /** Called with each remote op, as it applies to the text before it (for the editor to apply). */
  onRemote: (op: TextOp) => void = () => {};
  /** Called when the text was replaced wholesale (opened again after a refusal). */
  onReset: () => void = () => {};
  /** Called when the server refuses edits for good, with its reason. */
  onRefused: (reason: string) => void = () => {};
  /** Called with true when calls start failing for a while (the cluster recovering), false once one goes through. */
  onStalled: (stalled: boolean) => void = () => {};
  /** Called with everyone's cursors (code points of the server's text at `version`). */
  onCursors: (cursors: RemoteCursor[]) => void = () => {};
  /** Called when a facilitator locks or unlocks the document. */
  onLockChanged: (locked: boolean) => void = () => {};

  private constructor(private readonly hub: HubConnection, readonly documentId: string) {}

  static async open(hub: HubConnection, documentId: string): Promise<SharedDoc> {
    const doc = new SharedDoc(hub, documentId);
    on(hub, "DocumentOps", doc.handleOps);
    on(hub, "CursorsChanged", doc.handleCursors);
    on(hub, "DocumentLockChanged", doc.handleLock);
    await doc.load();
    return doc;
  }

  get settled(): boolean {
    return this.inflight === null && this.pending === null;
  }

  /** A local edit, already applied to the editor (and made on `text`). */
  edit(op: TextOp): void {
    if (op.length === 0) return;
    this.text = text.apply(this.text, op);
    this.pending = this.pending ? text.compose(this.pending, op) : op;
    this.flush();
  }

  /** After the hub reconnected: open again, catch up, resend what was in flight or waiting. */
  async resume(): Promise<void> {
    // The cluster may still be recovering after the reconnect (the gateway answers Unavailable): keep trying.
    for (;;) {
      try {
        const opened = await invoke(this.hub, "OpenDocument", this.documentId);
        // A lock set or lifted while the connection was down sent its event to nobody here.
        this.setLocked(opened.locked);
        this.recovered();
        break;
      } catch (error) {
        if (this.closed || this.hub.state !== HubConnectionState.Connected || !isWorthRetrying(error)) throw error;
        await this.pause();
      }
    }
    await this.catchUp();
    this.flush(true);
  }

  async close(): Promise<void> {
    this.closed = true;
    off(this.hub, "DocumentOps", this.handleOps);
    off(this.hub, "CursorsChanged", this.handleCursors);
    off(this.hub, "DocumentLockChanged", this.handleLock);
    if (this.hub.state === HubConnectionState.Connected) {
      await invoke(this.hub, "CloseDocument", this.documentId).catch(() => {});
    }
  }

  private async load(): Promise<void> {
    const opened = await invoke(this.hub, "OpenDocument", this.documentId);
    this.text = opened.text;
    this.version = opened.version;
    this.title = opened.title;
    this.locked = opened.locked;
    this.onCursors(opened.cursors);
  }

  /**
   * Places this connection's cursor (code points of `text`). Positions are only meaningful to others at a version
   * the server has, so it is sent once local edits are acknowledged; returns false when it must wait.
   */
  moveCursor(anchor: number, head: number): boolean {
    if (!this.settled || this.hub.state !== HubConnectionState.Connected) return false;
    void invoke(this.hub, "MoveCursor", this.documentId, this.version, anchor, head).catch(() => {});
    return true;
  }

  private handleCursors = (event: CursorsChangedEvent) => {
    if (event.documentId === this.documentId) this.onCursors(event.cursors);
  };

  private handleLock = (event: DocumentLockChangedEvent) => {
    if (event.documentId === this.documentId) this.setLocked(event.locked);
  };

  private setLocked(locked: boolean): void {
    if (locked === this.locked) return;
    this.locked = locked;
    this.onLockChanged(locked);
  }

  private handleOps = (event: DocumentOpsEvent) => {
    if (event.documentId === this.documentId) this.receive(event.ops);
  };

  private receive(ops: RemoteOp[]): void {
    for (const op of ops) {
      if (op.version <= this.version) continue;
      if (op.version > this.version + 1) {
        void this.catchUp();
        return;
      }
      this.take(op);
    }
    this.flush();
  }

  private take(op: RemoteOp): void {
    this.version = op.version;
    if (this.awaited && this.version >= this.awaited.version) {
      this.awaited.reached();
      this.awaited = null;
    }
    if (this.inflight && op.clientId === this.clientId && op.seq === this.inflight.seq) {
      this.inflight = null;
      return;
    }
    let remote = op.op;
    if (this.inflight) {
      const mine = this.inflight.op;
      this.inflight = { ...this.inflight, op: text.transform(mine, remote, "left") };
      remote = text.transform(remote, mine, "right");
    }
    if (this.pending) {
      const mine = this.pending;
      this.pending = text.transform(mine, remote, "left");
      remote = text.transform(remote, mine, "right");
    }
    this.text = text.apply(this.text, remote);
    this.onRemote(remote);
  }

  private flush(resend = false): void {
    if (this.closed || this.sending || this.hub.state !== HubConnectionState.Connected) return;
    if (!this.inflight) {
      if (!this.pending) return;
      this.inflight = { op: this.pending, seq: ++this.seq };
      this.pending = null;
    } else if (!resend) {
      return;
    }
    void this.send(this.inflight, this.version);
  }

  private async send(op: { op: TextOp; seq: number }, baseVersion: number): Promise<void> {
    this.sending = true;
    let retry = false;
    try {
      const reply = await invoke(this.hub, "SubmitOp", this.documentId, this.clientId, op.seq, baseVersion, op.op);
      this.recovered();
      // Wait for the broadcast of our own op, which the gateway may hold briefly; only if it never comes, fetch the
      // stream up to it, which acknowledges it.
      if (!(await this.reaches(reply.version, broadcastGraceMs))) await this.catchUp();
    } catch (error) {
      const code = refusalCode(error);
      if (isWorthRetrying(error) && this.hub.state === HubConnectionState.Connected) {
        // Busy, a machine of the cluster restarting, or a fault the gateway could not name: never fatal to the
        // person typing. The op is idempotent, so send it again, ever more patiently.
        await this.pause();
        retry = true;
      } else if (code === "TooOld" || code === "NewerThanHead") {
        await this.catchUp();
        retry = true;
      } else if (code && permanent.has(code)) {
        // Never to be accepted: go back to the server's text and say why.
        this.inflight = null;
        this.pending = null;
        await this.load();
        this.onReset();
        this.onRefused(refusalMessage(error));
      }
      // Otherwise the link dropped: resume() resends after the reconnect.
    } finally {
      this.sending = false;
    }
    this.flush(retry);
  }

  /** Waits before trying again, longer after each failure in a row; the page says it is reconnecting meanwhile. */
  private pause(): Promise<void> {
    this.onStalled(true);
    return delay(retryDelayMs(this.failures++));
  }

  /** A call went through: if calls had been failing, the page stops saying it is reconnecting. */
  private recovered(): void {
    if (this.failures === 0) return;
    this.failures = 0;
    this.onStalled(false);
  }

  /** Resolves true once the stream reaches `version`, or false after `graceMs`. */
  private reaches(version: number, graceMs: number): Promise<boolean> {
    if (this.version >= version) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.awaited = null;
        resolve(false);
      }, graceMs);
      this.awaited = { version, reached: () => { clearTimeout(timer); resolve(true); } };
    });
  }

  private async catchUp(): Promise<void> {
    if (this.catchingUp) return;
    this.catchingUp = true;
    try {
      while (this.hub.state === HubConnectionState.Connected && !this.closed) {
        let page;
        try {
          page = await invoke(this.hub, "GetOps", this.documentId, this.version);
          this.recovered();
        } catch (error) {
          if (this.hub.state !== HubConnectionState.Connected || !isWorthRetrying(error)) throw error;
          await this.pause();
          continue;
        }
        this.receive(page.ops);
        if (page.ops.length === 0 || this.version >= page.headVersion) return;
      }
    } finally {
      this.catchingUp = false;
    }
  }
}

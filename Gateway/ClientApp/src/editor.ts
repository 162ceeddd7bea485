// Binds a CodeMirror 6 editor to a SharedDoc: the editor's UTF-16 changes become code-point ops, and remote ops
// become editor changes that are not sent back.
import { Annotation, Compartment, EditorState, type ChangeSpec, type ChangeSet } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { type as text, type TextOp } from "ot-text-unicode";
import { codePoints, utf16Offset } from "./codepoints";
import type { RemoteCursor } from "./protocol";
import type { SharedDoc } from "./shared-doc";
import { colorOf, presence, setAuthors, setCursors, type AuthorRun } from "./decorations";
import { textLimits } from "./limits";

const fromServer = Annotation.define<boolean>();

/** The op that turns `before` into the document after `changes` (positions in code points). */
export function opFromChanges(before: string, changes: ChangeSet): TextOp {
  const op: TextOp = [];
  let at = 0; // UTF-16 position in `before` reached so far
  let atCp = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    const fromCp = atCp + codePoints(before.slice(at, fromA));
    if (fromCp > atCp) op.push(fromCp - atCp);
    const removed = codePoints(before.slice(fromA, toA));
    if (removed > 0) op.push({ d: removed });
    const insert = inserted.toString();
    if (insert.length > 0) op.push(insert);
    at = toA;
    atCp = fromCp + removed;
  });
  return text.normalize(op);
}

/** The editor changes that apply `op` to `before`. */
export function changesFromOp(before: string, op: TextOp): ChangeSpec[] {
  const changes: ChangeSpec[] = [];
  let pos = 0; // UTF-16 position in `before`
  let cp = 0;
  for (const c of op) {
    if (typeof c === "number") {
      const next = utf16Offset(before, cp + c, pos, cp);
      pos = next;
      cp += c;
    } else if (typeof c === "string") {
      changes.push({ from: pos, insert: c });
    } else {
      const n = typeof c.d === "number" ? c.d : codePoints(c.d);
      const end = utf16Offset(before, cp + n, pos, cp);
      changes.push({ from: pos, to: end });
      pos = end;
      cp += n;
    }
  }
  return changes;
}

// The server's limits on an edit (docs/protocol.md): an op inserts at most this many code points, and a document
// holds at most this many. An edit past them is refused here, before it is sent, so the editor stays usable.
const maxInsert = textLimits.insert;
const maxLength = textLimits.document;

/** Why an edit of the user's cannot be sent, in a teacher's words; null when it can. */
export function overLimit(inserted: number, newLength: () => number): string | null {
  if (inserted > maxInsert) {
    return `That paste is ${inserted.toLocaleString("en-US")} characters; one change can add at most ${maxInsert.toLocaleString("en-US")}. Paste it in parts.`;
  }
  if (inserted > 0 && newLength() > maxLength) {
    return `A document holds at most ${maxLength.toLocaleString("en-US")} characters; this change would make it longer. Nothing was added.`;
  }
  return null;
}

export class SharedEditor {
  readonly view: EditorView;
  private readonly editable = new Compartment();
  /** Called with the reason when an edit is refused here, before it is sent (too large); the text stays as it was. */
  onRefusedLocally: (reason: string) => void = () => {};

  private cursorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement, private doc: SharedDoc, label: string, private readonly connectionId: () => string | null) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: doc.text,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          presence,
          this.editable.of(EditorView.editable.of(true)),
          EditorState.transactionFilter.of((tr) => {
            if (!tr.docChanged || tr.annotation(fromServer)) return tr;
            let inserted = 0;
            tr.changes.iterChanges((_fromA, _toA, _fromB, _toB, added) => { inserted += codePoints(added.toString()); });
            // UTF-16 length bounds the code points from above, so the exact count is needed only near the limit.
            const reason = overLimit(inserted, () => tr.newDoc.length > maxLength ? codePoints(tr.newDoc.toString()) : tr.newDoc.length);
            if (reason === null) return tr;
            queueMicrotask(() => this.onRefusedLocally(reason));
            return [];
          }),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((update) => {
            if (update.selectionSet || (update.docChanged && !update.transactions.some((t) => t.annotation(fromServer)))) this.scheduleCursor();
            if (!update.docChanged || update.transactions.some((t) => t.annotation(fromServer))) return;
            const before = update.startState.doc.toString();
            this.doc.edit(opFromChanges(before, update.changes));
          }),
        ],
      }),
    });
    doc.onRemote = (op) => {
      const before = this.view.state.doc.toString();
      this.view.dispatch({ changes: changesFromOp(before, op), annotations: fromServer.of(true) });
    };
    doc.onCursors = (cursors) => this.showCursors(cursors);
    doc.onReset = () => {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: doc.text }, annotations: fromServer.of(true) });
    };
  }

  /** Draws the others' cursors with their names. */
  showCursors(cursors: RemoteCursor[]): void {
    const text = this.view.state.doc.toString();
    const others = cursors.filter((c) => c.clientId !== this.connectionId());
    this.view.dispatch({
      effects: setCursors.of(others.map((c) => ({
        name: c.displayName, color: colorOf(c.memberId), anchor: utf16Offset(text, c.anchor), head: utf16Offset(text, c.head),
      }))),
    });
  }

  /** Colours the text by author (consecutive runs in code points; runs without a member stay plain), or clears it. */
  showAuthors(runs: { name: string; memberId: string; length: number }[] | null): void {
    if (runs === null) {
      this.view.dispatch({ effects: setAuthors.of(null) });
      return;
    }
    const text = this.view.state.doc.toString();
    const drawn: AuthorRun[] = [];
    let cp = 0;
    let pos = 0;
    for (const run of runs) {
      const end = utf16Offset(text, cp + run.length, pos, cp);
      if (run.memberId) drawn.push({ name: run.name, color: colorOf(run.memberId), from: pos, to: end });
      pos = end;
      cp += run.length;
    }
    this.view.dispatch({ effects: setAuthors.of(drawn) });
  }

  /** Sends this editor's selection once typing pauses and local edits are acknowledged. */
  private scheduleCursor(): void {
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => {
      const text = this.view.state.doc.toString();
      const { anchor, head } = this.view.state.selection.main;
      if (!this.doc.moveCursor(codePoints(text, anchor), codePoints(text, head))) this.scheduleCursor();
    }, 150);
  }

  /** Read-only (with the reason shown by the page) or editable again. */
  setEditable(editable: boolean): void {
    this.view.dispatch({ effects: this.editable.reconfigure(EditorView.editable.of(editable)) });
  }

  destroy(): void {
    clearTimeout(this.cursorTimer);
    this.view.destroy();
  }
}

// Binds a CodeMirror 6 editor to a SharedDoc: the editor's UTF-16 changes become code-point ops, and remote ops
// become editor changes that are not sent back.
import { Annotation, Compartment, EditorState, type ChangeSpec, type ChangeSet } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { type as text, type TextOp } from "ot-text-unicode";
import { codePoints, utf16Offset } from "./codepoints";
import type { SharedDoc } from "./shared-doc";

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

export class SharedEditor {
  readonly view: EditorView;
  private readonly editable = new Compartment();

  constructor(parent: HTMLElement, private doc: SharedDoc, label: string) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: doc.text,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          this.editable.of(EditorView.editable.of(true)),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((update) => {
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
    doc.onReset = () => {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: doc.text }, annotations: fromServer.of(true) });
    };
  }

  /** Read-only (with the reason shown by the page) or editable again. */
  setEditable(editable: boolean): void {
    this.view.dispatch({ effects: this.editable.reconfigure(EditorView.editable.of(editable)) });
  }

  destroy(): void {
    this.view.destroy();
  }
}

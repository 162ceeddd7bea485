// Other people's cursors, and who wrote what, drawn over the editor. Both are given in code points of the text the
// editor shows when they arrive, and then move with every later edit (CodeMirror maps decorations through changes).
import { RangeSetBuilder, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";

export interface RemoteCursor { name: string; color: string; anchor: number; head: number } // UTF-16 positions
export interface AuthorRun { name: string; color: string; from: number; to: number } // UTF-16 positions

export const setCursors = StateEffect.define<RemoteCursor[]>();
export const setAuthors = StateEffect.define<AuthorRun[] | null>();

class CaretWidget extends WidgetType {
  constructor(private readonly name: string, private readonly color: string) { super(); }
  eq(other: CaretWidget): boolean { return other.name === this.name && other.color === this.color; }
  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "remote-caret";
    caret.style.borderColor = this.color;
    const label = document.createElement("span");
    label.className = "remote-caret-name";
    label.style.background = this.color;
    label.textContent = this.name;
    caret.append(label);
    caret.setAttribute("aria-label", `${this.name}'s cursor`);
    return caret;
  }
}

function decorate<T>(items: T[], ranges: (item: T, builder: { add: (from: number, to: number, d: Decoration) => void }) => void): DecorationSet {
  const all: { from: number; to: number; d: Decoration }[] = [];
  for (const item of items) ranges(item, { add: (from, to, d) => all.push({ from, to, d }) });
  all.sort((a, b) => a.from - b.from || a.d.startSide - b.d.startSide);
  const builder = new RangeSetBuilder<Decoration>();
  for (const r of all) builder.add(r.from, r.to, r.d);
  return builder.finish();
}

const cursorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    for (const e of tr.effects) {
      if (e.is(setCursors)) {
        const length = tr.state.doc.length;
        return decorate(e.value, (c, b) => {
          const [from, to] = [Math.min(c.anchor, c.head, length), Math.min(Math.max(c.anchor, c.head), length)];
          if (to > from) b.add(from, to, Decoration.mark({ attributes: { style: `background: ${tint(c.color)}` } }));
          b.add(Math.min(c.head, length), Math.min(c.head, length), Decoration.widget({ widget: new CaretWidget(c.name, c.color), side: 1 }));
        });
      }
    }
    return set.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const authorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    for (const e of tr.effects) {
      if (e.is(setAuthors)) {
        const length = tr.state.doc.length;
        return e.value === null ? Decoration.none : decorate(e.value.filter((r) => r.from < Math.min(r.to, length)), (r, b) =>
          b.add(r.from, Math.min(r.to, length), Decoration.mark({ class: "authored", attributes: { style: `background: ${tint(r.color)}`, title: r.name } })));
      }
    }
    return set.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

export const presence: Extension = [cursorField, authorField];

/**
 * A stable colour for a person. Dark enough (27 % lightness) that the white name on a cursor's label keeps WCAG's
 * 4.5:1 contrast at every hue, yellow included.
 */
export function colorOf(id: string, alpha = 1): string {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 70% 27% / ${alpha})`;
}

/** The same colour, lighter, for backgrounds behind text. */
export function tint(color: string): string {
  return color.replace(/\/ [\d.]+\)$/, "/ 0.22)");
}

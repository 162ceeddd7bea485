import { h } from "../dom";

/** A link within the app: a real href (open in a new tab works), followed without a page load. */
export function link(text: string, path: string, go: (path: string) => void): HTMLAnchorElement {
  return h("a", { href: path, onclick: (e) => { if (!(e as MouseEvent).ctrlKey && !(e as MouseEvent).metaKey) { e.preventDefault(); go(path); } } }, text);
}

// The server counts positions in Unicode code points; the editor counts UTF-16 units. These convert between the two.

/** The UTF-16 offset of code point `cp` in `text` (clamped to the end). */
export function utf16Offset(text: string, cp: number, from = 0, fromCp = 0): number {
  let i = from;
  let n = fromCp;
  while (n < cp && i < text.length) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    n++;
  }
  return i;
}

/** How many code points the first `utf16` units of `text` hold. */
export function codePoints(text: string, utf16 = text.length): number {
  let n = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      n++;
    }
  }
  return n;
}

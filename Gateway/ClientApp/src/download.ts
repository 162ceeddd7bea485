// Files only a member may read (exports, minutes): fetched with the member token, which a plain link cannot carry.
import { token } from "./api";
import { h } from "./dom";
import { gateway } from "./gateways";

/** Downloads `path` under the name the server gives it (else `fallbackName`). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(`${gateway()}${path}`, { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) throw new Error(`The download failed (${response.status}).`);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? fallbackName;
  const link = h("a", { href: URL.createObjectURL(await response.blob()), download: name });
  link.click();
  URL.revokeObjectURL(link.href);
}

// The cluster's gateways as this page knows them: the one that served it, then the others it advertises
// (`/api/gateways`, empty unless the operator lists them). Calls go to the current one; when its connection is
// lost, the page tries the next, so a meeting goes on through another gateway when one dies.

const own = location.origin;
let gateways: string[] = [own];
let current = 0;

/** Learns the cluster's other gateways from the one that served the page; if that fails, the page keeps only its own. */
export async function learnGateways(): Promise<void> {
  try {
    const response = await fetch("/api/gateways");
    if (!response.ok) return;
    const reply = (await response.json()) as { addresses: string[] };
    gateways = [own, ...reply.addresses.filter((address) => address !== own)];
  } catch {
    // Only the page's own gateway, as before.
  }
}

/** The current gateway's origin, e.g. `https://coplive-a.district.org`. */
export function gateway(): string {
  return gateways[current];
}

/** How many gateways the page knows. */
export function gatewayCount(): number {
  return gateways.length;
}

/** Moves on to the next gateway (after a failed connection); returns its origin. */
export function nextGateway(): string {
  current = (current + 1) % gateways.length;
  return gateway();
}

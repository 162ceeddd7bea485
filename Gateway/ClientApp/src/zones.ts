// The IANA time zones the browser knows, for zone pickers.

/** Every zone the browser knows, with `first` (the reader's own, say) always offered. */
export function timeZones(first: string): string[] {
  const known = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  // The list leaves out aliases such as "UTC"; the given zone is offered, first if need be.
  return known.includes(first) ? known : [first, ...known];
}

/** The reader's own zone. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

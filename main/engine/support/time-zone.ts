/** The IANA zone the engine runs in (the agent's machine), or UTC where the runtime cannot tell. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

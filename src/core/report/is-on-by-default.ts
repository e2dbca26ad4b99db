// Decides whether the sentence of a required setting says the setting is on by default: "needs
// the `keepalive` option, which is enabled by default", "when HTTP/2 is on (the default)". Such a
// setting is no condition at all, so it is not read as `requires-config`: a profile's
// `requires-config: [non-default]` must not exclude a bug every default installation has.
// "not enabled by default", "off by default" are the opposite and do not match.

const sentenceLookAhead = 80;

const onByDefaultAfter =
  /^[^.!?;\n]{0,72}?(?:\b(?:is|are|'s|comes|ships|stays)\s+(?:on|enabled|active|set|turned\s+on)\s+(?:by\s+default|in\s+(?:the\s+|a\s+)?default\s+(?:configuration|config|build|install(?:ation)?|settings?))\b|(?<!\b(?:not|never)\s)\benabled\s+by\s+default\b|\(\s*(?:the\s+)?default(?:\s+on)?\s*\)|\(\s*(?:on|enabled)\s+by\s+default\s*\)|\bwhich\s+is\s+the\s+default\b)/i;

/** Whether the text from `end` to the end of its sentence says the setting just named is on by default. */
export function isOnByDefault(text: string, end: number): boolean {
  return onByDefaultAfter.test(text.slice(end, end + sentenceLookAhead));
}

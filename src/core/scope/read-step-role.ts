// Reads who performs a reproduction step. Steps that each name their actor ("1. As root, install
// the modified catalogue", "2. As any user, run the tool") split the attack between roles: the
// privileged step is what the attack needs beforehand, not how the reporter happened to set up.

// A list item opening with its actor: "1. As root,", "- As an unprivileged user,", "2. As any user:".
const roleStep =
  /^[ \t]{0,12}(?:\d{1,3}[.)]|[-*+])[ \t]+as[ \t]+((?:an?|the|any|another)[ \t]+)?([\w-]{1,30}(?:[ \t]+[\w-]{1,30})?)[ \t]*[,:]/gim;
const stepsReach = 1500;
const maxItemLines = 6;

/**
 * True when the mention at `at` lies in a step that names its actor ("As root, ..."), and another
 * step nearby names a different actor: the steps assign the attack's parts to roles.
 */
export function isInRoleStep(body: string, at: number): boolean {
  const itemStart = findItemStart(body, at);
  if (itemStart === -1) return false;
  const from = Math.max(0, itemStart - stepsReach);
  const steps = body.slice(from, Math.min(body.length, itemStart + stepsReach));
  let own: string | null = null;
  const roles = new Set<string>();
  for (const match of steps.matchAll(roleStep)) {
    const role = match[2]!.toLowerCase().replace(/[ \t]+/g, ' ');
    roles.add(role);
    if (from + match.index === itemStart) own = role;
  }
  return own !== null && roles.size >= 2;
}

/** The start of the list item's line that holds `at`, within a few lines and no blank line. */
function findItemStart(body: string, at: number): number {
  let lineStart = body.lastIndexOf('\n', at - 1) + 1;
  for (let read = 0; read < maxItemLines; read += 1) {
    const lineEnd = body.indexOf('\n', lineStart);
    const line = body.slice(lineStart, lineEnd === -1 ? body.length : lineEnd);
    if (/^[ \t]{0,12}(?:\d{1,3}[.)]|[-*+])[ \t]/.test(line)) return lineStart;
    if (line.trim() === '' || lineStart === 0) return -1;
    lineStart = body.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return -1;
}

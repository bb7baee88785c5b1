// Patterns whose matching can take exponential time in a backtracking engine such as
// JavaScript's: a repeated group whose body is itself nothing but repeats, `([\w.-]*)*` or `(a+)+`.
// One such pattern in a spec stalls every check of a value against it.

interface Frame {
  /** The group holds an unbounded quantifier (`*`, `+`, `{n,}`). */
  unbounded: boolean;
  /** The current alternative has an atom without a quantifier. */
  mandatory: boolean;
  /** An earlier alternative had none. */
  bareAlternative: boolean;
}

/** What opens a group: `(`, and the prefix of a non-capturing, lookaround or named group. */
const GROUP_OPENING = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/;

/** The length of the quantifier at `i` (0 where there is none), and whether it is unbounded. */
function quantifierAt(pattern: string, i: number): { length: number; unbounded: boolean } {
  const c = pattern[i];
  if (c === '*' || c === '+') return { length: pattern[i + 1] === '?' ? 2 : 1, unbounded: true };
  if (c === '?') return { length: 1, unbounded: false };
  const braces = /^\{\d*(,\d*)?\}\??/.exec(pattern.slice(i));
  if (!braces) return { length: 0, unbounded: false };
  return { length: braces[0].length, unbounded: /,\}/.test(braces[0]) };
}

/** The index after the atom at `i` that is an escape or a character class. */
function skipAtom(pattern: string, i: number): number {
  if (pattern[i] === '\\') return i + 2;
  if (pattern[i] !== '[') return i + 1;
  let j = i + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}

/**
 * Whether a pattern repeats, without bound, a group that holds an unbounded repeat and can be
 * nothing but repeats (the nested quantifiers that make backtracking exponential).
 */
export function backtracksExponentially(pattern: string): boolean {
  const fresh = (): Frame => ({ unbounded: false, mandatory: false, bareAlternative: false });
  const stack: Frame[] = [fresh()];
  let i = 0;
  while (i < pattern.length) {
    const top = stack[stack.length - 1]!;
    const c = pattern[i];
    if (c === '(') {
      stack.push(fresh());
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` and `(?<name>` open a group as `(` does.
      i += GROUP_OPENING.exec(pattern.slice(i))![0].length;
      continue;
    }
    if (c === '|') {
      if (!top.mandatory) top.bareAlternative = true;
      top.mandatory = false;
      i += 1;
      continue;
    }
    // An atom: a closed group, an escape, a class or a character; then its quantifier.
    let group: Frame | undefined;
    if (c === ')' && stack.length > 1) {
      group = stack.pop();
      i += 1;
    } else {
      i = skipAtom(pattern, i);
    }
    const owner = stack[stack.length - 1]!;
    if (group?.unbounded) owner.unbounded = true;
    const q = quantifierAt(pattern, i);
    i += q.length;
    if (q.length === 0) owner.mandatory = true;
    if (!q.unbounded) continue;
    owner.unbounded = true;
    if (group?.unbounded && (group.bareAlternative || !group.mandatory)) return true;
  }
  return false;
}

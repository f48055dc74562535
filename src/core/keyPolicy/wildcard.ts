/**
 * IAM wildcard matching: `*` matches any run of characters (also none), `?` exactly one. Linear in practice and never
 * worse than pattern × value: no regular expression is built from policy text, so a pattern full of `*` cannot make
 * the check backtrack for long.
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  // Where the last `*` was, and the value position it is currently taken to end at.
  let star = -1;
  let starEnd = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === v[vi]))) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      starEnd = vi;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++starEnd;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

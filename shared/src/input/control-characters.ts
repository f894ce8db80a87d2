/**
 * Characters no partner means to send in text: NUL (PostgreSQL refuses it in text columns, so it used
 * to surface as an internal error), the other C0 controls but tab, line feed and carriage return, and
 * lone UTF-16 surrogates (half of a character: they reach the database as U+FFFD and the text is lost).
 */
// eslint-disable-next-line no-control-regex
const C0_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A description of the first character text may not hold ("U+0000 (NUL)"), or null. */
export function controlCharacterIn(text: string): string | null {
  const control = C0_CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0);
    return `${codePoint(code)}${code === 0 ? ' (NUL)' : ''}, a control character,`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `${codePoint(surrogate[0].charCodeAt(0))}, half of a UTF-16 surrogate pair,`;
  return null;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refusal's words: the same for every argument and input field of every subgraph. */
export function controlCharacterMessage(label: string, found: string): string {
  return `${label} contains ${found} which text cannot hold; remove it`;
}

/** Drops characters XML 1.0 cannot hold: C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
export function xmlSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      (c < 0x20 && c !== 9 && c !== 10 && c !== 13) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff
    )
      continue;
    out += ch;
  }
  return out;
}

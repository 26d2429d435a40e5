import { findCprNumbers } from '../../domain/rules/sensitive-data';

/**
 * Every CPR number in `text` replaced by `replacement`. Helhed never stores a CPR number
 * (PRODUCT.md), but a decision or a goal is free text that someone may have typed one into;
 * an exported file leaves the app's control (a file share, an e-mail, the case system), so the
 * export removes it rather than trusting the input (same detector as rule 4's calendar check).
 */
export function redactCpr(text: string, replacement: string): string {
  const found = findCprNumbers(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + replacement;
    at = f.end;
  }
  return out + text.slice(at);
}

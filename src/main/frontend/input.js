/*
 * What the terminal sends as input. DOM-free, so node --test can import it.
 */

const encoder = new TextEncoder();

/** A command as if typed: each line ends with Enter, which a terminal sends as \r. */
export function typed(text) {
  return text.replace(/(\r?\n)+$/, '').replace(/\r?\n/g, '\r') + '\r';
}

/** Text as the shell reads it: UTF-8. */
export function utf8(text) {
  return encoder.encode(text);
}

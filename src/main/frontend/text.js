/*
 * Text the page builds from its data-label-* strings: none of the words are here, only how they are put together.
 * DOM-free, so node --test can import it.
 */

/** A label with its {name} placeholders filled in. */
export function fill(template, values) {
  let text = template || '';
  Object.keys(values).forEach((key) => {
    text = text.split('{' + key + '}').join(String(values[key]));
  });
  return text;
}

/** Our own words first (the server's may be in English), then the server's for the particulars. */
export function withDetail(ours, theirs) {
  return theirs ? ours + ' ' + theirs : ours;
}

/** The countdown: m:ss as mm:ss, and h:mm:ss from an hour on. Never negative; a started second counts. */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = (m < 10 ? '0' : '') + m;
  const ss = (s < 10 ? '0' : '') + s;
  return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
}

/** "A, B and C" as the page's language writes it. */
export function listOf(items, lang) {
  if (typeof Intl !== 'undefined' && Intl.ListFormat) {
    try {
      return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
    } catch (e) {
      // an odd language tag: fall through
    }
  }
  return items.join(', ');
}

/**
 * A code block's data-command as the shell should get it. The HTML sanitiser defuses "{{" in attributes by putting
 * a zero-width space between the braces; a shell would receive it verbatim (breaking e.g. --format '{{.Names}}'),
 * so it is taken out again here.
 */
export function commandFromAttribute(value) {
  return value.replace(/\{\u200B(?=\{)/g, '{');
}

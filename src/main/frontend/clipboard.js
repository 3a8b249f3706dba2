/*
 * Copying to the clipboard, also on plain http. navigator.clipboard exists only in secure contexts (https or
 * localhost); a lab served over plain http on a classroom network needs the textarea fallback.
 */

function copyWithTextarea(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (e) {
    ok = false;
  }
  document.body.removeChild(area);
  return ok;
}

/** Copies text; resolves to whether it worked. */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).then(
      () => true,
      () => copyWithTextarea(text),
    );
  }
  return Promise.resolve(copyWithTextarea(text));
}

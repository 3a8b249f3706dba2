/* The few DOM helpers every part of the page uses. */

export function byId(id) {
  return document.getElementById(id);
}

/**
 * Says text in a live region: emptied first, and the words set after a tick as a fresh text node, so the same words
 * said twice are announced twice.
 */
export function announceIn(region, text) {
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 60);
}

/** Whether node takes up room on the page (hidden elements and those inside them do not). */
export function isShown(node) {
  return !!(node.offsetWidth || node.offsetHeight || node.getClientRects().length);
}

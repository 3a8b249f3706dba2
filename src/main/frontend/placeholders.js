/*
 * {{session}} in the lab text, filled on the page. The server renders the lab page before any session exists, so
 * the text and the Run commands still say {{session}} (the registry-push lab names its images with it). When a
 * session is ready, every text node and data-command under the root gets its id; when it ends they go back to
 * {{session}}, ready for the next one. The originals are kept, so a second session gets its own id, not the first's.
 * fillSession is DOM-free so node --test can import it.
 */
const TOKEN = '{{session}}';

/** template with every {{session}} replaced by id (or left as is without an id). */
export function fillSession(template, id) {
  return id ? template.split(TOKEN).join(id) : template;
}

/** Keeps the root's {{session}} in step with the live session. parts: session (session.js's). */
export function initSessionText(root, { session }) {
  const texts = [];
  const commands = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.includes(TOKEN)) {
      texts.push({ node, template: node.nodeValue });
    }
  }
  root.querySelectorAll('[data-command]').forEach((element) => {
    const template = element.getAttribute('data-command');
    if (template.includes(TOKEN)) {
      commands.push({ element, template });
    }
  });

  function fill(id) {
    texts.forEach(({ node, template }) => {
      node.nodeValue = fillSession(template, id);
    });
    commands.forEach(({ element, template }) => {
      element.setAttribute('data-command', fillSession(template, id));
    });
  }

  session.onReady((s) => fill(s.id));
  session.onEnded(() => fill(null));
  return { fill };
}

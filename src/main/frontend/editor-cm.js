/*
 * CodeMirror 6, bundled on its own (assets/labdeck.editor.js, loaded by editor.js the first time the Editor tab
 * opens) so the lab page's main bundle stays small. It sets window.LabdeckCodeMirror = {createEditor}. CodeMirror
 * reads IME compositions itself (Japanese and Korean input commit as typed); Mod-S saves.
 */
import { EditorView, basicSetup } from 'codemirror';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { StreamLanguage } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { yaml } from '@codemirror/lang-yaml';
import { json } from '@codemirror/lang-json';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { shell } from '@codemirror/legacy-modes/mode/shell';

function language(mode) {
  switch (mode) {
    case 'dockerfile': return StreamLanguage.define(dockerFile);
    case 'shell': return StreamLanguage.define(shell);
    case 'python': return python();
    case 'yaml': return yaml();
    case 'json': return json();
    default: return [];
  }
}

/**
 * An editor in host. onChange(docChanged) after each edit, onSave() on Mod-S. Answers {setDoc(text, mode),
 * text(), focus(), measure(), view}.
 */
function createEditor(host, { onChange = () => {}, onSave = () => {}, label = '' }) {
  const mode = new Compartment();
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: '',
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => { onSave(); return true; } }])),
        basicSetup,
        mode.of([]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'editor-content' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            onChange();
          }
        }),
      ],
    }),
  });
  return {
    view,
    setDoc(text, syntax) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text },
        effects: mode.reconfigure(language(syntax)) });
      view.dispatch({ selection: { anchor: 0 }, scrollIntoView: true });
    },
    text: () => view.state.doc.toString(),
    /** Measures again: after the editor was hidden (another tab), its sizes are stale. */
    measure: () => view.requestMeasure(),
    focus: () => view.focus(),
  };
}

window.LabdeckCodeMirror = Object.freeze({ createEditor });

'use client';

// The lab's SQL editor: CodeMirror 6 with PostgreSQL highlighting, line numbers, undo history and
// bracket matching. Tab is left to move focus (as WAI-ARIA's guidance for code editors suggests,
// so a keyboard user is never trapped); Ctrl/Cmd+Enter runs the SQL.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import {
  bracketMatching,
  defaultHighlightStyle,
  HighlightStyle,
  syntaxHighlighting,
} from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

// Colours readable on the dark theme (contrast >= 4.5:1 on zinc-950).
const darkHighlight = HighlightStyle.define(
  [
    { tag: tags.keyword, color: '#7dd3fc' },
    { tag: [tags.string, tags.special(tags.string)], color: '#86efac' },
    { tag: [tags.number, tags.bool, tags.null], color: '#fcd34d' },
    { tag: tags.comment, color: '#a1a1aa', fontStyle: 'italic' },
    { tag: [tags.typeName, tags.standard(tags.name)], color: '#f9a8d4' },
    { tag: tags.operator, color: '#e4e4e7' },
  ],
  { themeType: 'dark' },
);

const baseTheme = EditorView.theme({
  '&': { fontSize: '0.875rem', minHeight: '9rem', maxHeight: '28rem' },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono, ui-monospace, SFMono-Regular, Menlo, monospace)',
    overflow: 'auto',
  },
  '.cm-content': { padding: '0.5rem 0' },
  '&.cm-focused': { outline: '2px solid #0369a1', outlineOffset: '2px' },
});

export interface SqlEditorHandle {
  focus(): void;
}

export function SqlEditor({
  value,
  onChange,
  onRun,
  label,
  describedBy,
  dark,
}: {
  /** The text to show; when it differs from the editor's (another task chosen), it replaces it. */
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  /** The editor's accessible name. */
  label: string;
  describedBy?: string;
  dark: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun });
  const theme = useRef(new Compartment());
  const attributes = useRef(new Compartment());

  useEffect(() => {
    callbacks.current = { onChange, onRun };
  }, [onChange, onRun]);

  // The latest props, for building a fresh editor state (see makeState).
  const latestProps = useRef({ dark, label, describedBy });
  useEffect(() => {
    latestProps.current = { dark, label, describedBy };
  }, [dark, label, describedBy]);

  /** A new editor state with its own undo history, configured with the latest props. */
  const makeState = (doc: string) => {
    const props = latestProps.current;
    return EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        sql({ dialect: PostgreSQL }),
        theme.current.of(
          syntaxHighlighting(props.dark ? darkHighlight : defaultHighlightStyle, {
            fallback: true,
          }),
        ),
        baseTheme,
        placeholder('Write SQL here'),
        EditorView.lineWrapping,
        attributes.current.of(
          EditorView.contentAttributes.of({
            'aria-label': props.label,
            'aria-multiline': 'true',
            ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
          }),
        ),
        keymap.of([
          {
            key: 'Mod-Enter',
            preventDefault: true,
            run: () => {
              callbacks.current.onRun();
              return true;
            },
          },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
        }),
      ],
    });
  };

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({ parent: host.current, state: makeState(value) });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; value, theme and labels are synced by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    if (editor.state.doc.toString() !== value) {
      // Text from the parent (another task chosen, a saved draft loaded) gets a state of its own:
      // Ctrl+Z cannot bring back another task's text, and setState reports no change to save.
      const hadFocus = editor.hasFocus;
      editor.setState(makeState(value));
      if (hadFocus) editor.focus();
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: theme.current.reconfigure(
        syntaxHighlighting(dark ? darkHighlight : defaultHighlightStyle, { fallback: true }),
      ),
    });
  }, [dark]);

  useEffect(() => {
    view.current?.dispatch({
      effects: attributes.current.reconfigure(
        EditorView.contentAttributes.of({
          'aria-label': label,
          'aria-multiline': 'true',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        }),
      ),
    });
  }, [label, describedBy]);

  return (
    <div
      ref={host}
      className="overflow-hidden rounded-md border border-zinc-300 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 [&_.cm-activeLine]:bg-sky-50/60 dark:[&_.cm-activeLine]:bg-sky-950/30 [&_.cm-gutters]:border-r [&_.cm-gutters]:border-zinc-200 [&_.cm-gutters]:bg-zinc-50 [&_.cm-gutters]:text-zinc-500 dark:[&_.cm-gutters]:border-zinc-800 dark:[&_.cm-gutters]:bg-zinc-900 dark:[&_.cm-gutters]:text-zinc-400"
    />
  );
}

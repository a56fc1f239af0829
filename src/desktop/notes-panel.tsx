import { useId, useState } from 'react';

export interface NoteSubject {
  readonly id: string;
  readonly title: string;
}

/**
 * The agent's scratch notes, kept per interaction (in memory): the page switches to the notes of
 * the interaction the widget reports in focus.
 */
export function NotesPanel({ subject }: { readonly subject: NoteSubject | undefined }) {
  const titleId = useId();
  const fieldId = useId();
  const [notes, setNotes] = useState<Readonly<Record<string, string>>>({});
  const key = subject?.id ?? 'general';
  return (
    <section className="desk-panel" aria-labelledby={titleId}>
      <header className="desk-panel__header">
        <h2 id={titleId} className="desk-panel__title">
          Notes
        </h2>
        <span className="desk-muted">{subject ? `for ${subject.title}` : 'general'}</span>
      </header>
      <label htmlFor={fieldId} className="desk-label">
        {subject ? `Notes for ${subject.title}` : 'General notes'}
      </label>
      <textarea
        id={fieldId}
        className="desk-notes"
        rows={6}
        value={notes[key] ?? ''}
        placeholder="Type while you work; notes stay with the interaction in focus."
        onChange={(event) => {
          const text = event.target.value;
          setNotes((all) => ({ ...all, [key]: text }));
        }}
      />
    </section>
  );
}

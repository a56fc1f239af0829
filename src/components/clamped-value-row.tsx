import { useContext, useId, useState } from 'react';
import { ActionsRefusedContext } from './action-bar';
import { ActionButton } from './action-button';
import { previewText } from './bounded-user-data';
import { LazyUserDataValueForm } from './lazy-parts';
import { useMessages } from './messages-context';
import { CopyStatus, useCopy } from './use-copy';
import { keyTooltip, type KeyActionState } from './user-data-row';

export interface ClampedValueRowProps {
  readonly dataKey: string;
  /** The whole value as text (it may be 200,000 characters). */
  readonly text: string;
  readonly edit: KeyActionState;
  readonly remove: KeyActionState;
  /** Opens this key's editor (`edit`) or delete confirmation (`delete`). */
  readonly onModeChange: (key: string, mode: 'edit' | 'delete') => void;
  /** The id of the card's title, describing Edit and Delete (see UserDataRow). */
  readonly describedBy?: string | undefined;
}

/**
 * A user-data row whose value is too long to show whole: its start, clamped to a few lines, with
 * "Show more" (the whole value in a scrollable box, so the card stays in bounds even then) and
 * "Copy" (the whole value, to the clipboard). Edit and Delete open the usual inline editors.
 */
export function ClampedValueRow({ dataKey, text, edit, remove, onModeChange, describedBy }: ClampedValueRowProps) {
  const messages = useMessages();
  const refused = useContext(ActionsRefusedContext);
  const [expanded, setExpanded] = useState(false);
  const [copy, copyText] = useCopy();
  const fullId = useId();


  return (
    <div className="omw-ud-row omw-ud-row--long">
      {/* Server text in any script: each in its own direction, isolated (as in UserDataRow). */}
      <dt className="omw-ud-key" title={keyTooltip(dataKey)} dir="auto">{dataKey}</dt>
      <dd className="omw-ud-value">
        {expanded ? (
          <div id={fullId} className="omw-ud-full" role="region" aria-label={dataKey} tabIndex={0} dir="auto">
            {text}
          </div>
        ) : (
          <span id={fullId} className="omw-ud-text omw-ud-text--clamped" dir="auto">
            {previewText(text)}
          </span>
        )}
        {/* Edit and Delete on the value's first line, as in every row; the tools on a line of their own. */}
        {edit.present || remove.present ? (
          <span className="omw-ud-actions">
            {edit.present ? (
              <ActionButton variant="icon" className="omw-glyph omw-glyph--edit" label={messages.editKey(dataKey)} describedBy={describedBy} disabled={!edit.enabled} busy={edit.busy} unavailable={refused} onIntent={LazyUserDataValueForm.preload} onClick={() => onModeChange(dataKey, 'edit')} />
            ) : null}
            {remove.present ? (
              <ActionButton variant="icon" className="omw-glyph omw-glyph--delete" label={messages.deleteKey(dataKey)} describedBy={describedBy} disabled={!remove.enabled} busy={remove.busy} unavailable={refused} onClick={() => onModeChange(dataKey, 'delete')} />
            ) : null}
          </span>
        ) : null}
        <span className="omw-ud-long-tools">
          <span className="omw-ud-length">{messages.valueLength(text.length)}</span>
          <button
            type="button"
            className="omw-button omw-button--ghost omw-button--small"
            aria-expanded={expanded}
            aria-controls={fullId}
            aria-label={expanded ? messages.showLessOf(dataKey) : messages.showMoreOf(dataKey)}
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? messages.showLess : messages.showMore}
          </button>
          <button type="button" className="omw-button omw-button--ghost omw-button--small" aria-label={messages.copyValueOf(dataKey)} onClick={() => copyText(text)}>
            {messages.copy}
          </button>
          <CopyStatus copy={copy} messages={messages} />
        </span>
      </dd>
    </div>
  );
}

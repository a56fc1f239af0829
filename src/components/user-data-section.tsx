import type { UserData, UserDataKind, UserDataValue } from '../protocol/types';
import { useMessages } from './messages-context';
import { UserDataAddForm } from './user-data-add-form';
import type { EditorState } from './user-data-editor-state';
import { UserDataRow, type KeyActionState, type RowMode } from './user-data-row';

/** Presence and enablement of a per-key operation; which key (if any) has its request in flight. */
export interface KeyOperationState {
  readonly present: boolean;
  readonly enabled: boolean;
  readonly busyKey: string | undefined;
}

export interface UserDataSectionProps {
  readonly userData: UserData;
  /** Values shown flattened (a nested list, true / false): read-only, see `OpenmediaInteraction.userDataKinds`. */
  readonly userDataKinds?: Readonly<Record<string, UserDataKind>> | undefined;
  readonly update: KeyOperationState;
  readonly remove: KeyOperationState;
  readonly editor: EditorState;
  readonly onEditorChange: (editor: EditorState) => void;
  readonly onAdd: (key: string, value: string) => void;
  /** A new value of the current value's type (a number stays a number). */
  readonly onUpdate: (key: string, value: UserDataValue) => void;
  readonly onDelete: (key: string) => void;
}

function rowMode(editor: EditorState, key: string): RowMode {
  if (editor.mode === 'edit' && editor.key === key) return 'edit';
  if (editor.mode === 'delete' && editor.key === key) return 'delete';
  return 'view';
}

function keyState(op: KeyOperationState, key: string): KeyActionState {
  return { present: op.present, enabled: op.enabled, busy: op.busyKey === key };
}

/** The interaction's user data as a key/value list, with the inline editors the capabilities allow. */
export function UserDataSection({
  userData,
  userDataKinds,
  update,
  remove,
  editor,
  onEditorChange,
  onAdd,
  onUpdate,
  onDelete,
}: UserDataSectionProps) {
  const messages = useMessages();
  const keys = Object.keys(userData);
  return (
    <div className="omw-ud">
      <p className="omw-section-label">{messages.labelUserData}</p>
      {keys.length > 0 ? (
        <dl className="omw-ud-list">
          {keys.map((key) => (
            <UserDataRow
              key={key}
              dataKey={key}
              kind={userDataKinds?.[key]}
              value={userData[key] ?? null}
              edit={keyState(update, key)}
              remove={keyState(remove, key)}
              mode={rowMode(editor, key)}
              onModeChange={(mode) => onEditorChange(mode === 'view' ? { mode: 'none' } : { mode, key })}
              onUpdate={(value) => onUpdate(key, value)}
              onDelete={() => onDelete(key)}
            />
          ))}
        </dl>
      ) : (
        <p className="omw-muted omw-ud-empty">{messages.noUserData}</p>
      )}
      {editor.mode === 'add' ? (
        <UserDataAddForm
          existing={userData}
          canEditExisting={update.present && update.enabled}
          onAdd={onAdd}
          onEditInstead={(key) => onEditorChange({ mode: 'edit', key })}
          onCancel={() => onEditorChange({ mode: 'none' })}
        />
      ) : null}
    </div>
  );
}

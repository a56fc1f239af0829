/** Which inline editor of a card is open; one at a time keeps the card calm. */
export type EditorState =
  | { readonly mode: 'none' }
  | { readonly mode: 'add' }
  | { readonly mode: 'edit'; readonly key: string }
  | { readonly mode: 'delete'; readonly key: string };

export const EDITOR_CLOSED: EditorState = { mode: 'none' };

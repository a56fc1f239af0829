/** Which inline editor of a card is open; one at a time keeps the card calm. */
export type EditorState =
  | { readonly mode: 'none' }
  | { readonly mode: 'add' }
  /**
   * `typed`: the value the agent had typed into Add data for a key that exists ("Edit … instead"):
   * the editor starts from it, so nothing typed is lost on the way.
   */
  | { readonly mode: 'edit'; readonly key: string; readonly typed?: string | undefined }
  | { readonly mode: 'delete'; readonly key: string };

export const EDITOR_CLOSED: EditorState = { mode: 'none' };

import { createContext } from 'react';

/** What the agent had typed into an inline editor that closed without it being saved. */
export interface UnsavedDraft {
  /** The key whose value was being edited, or the key typed into Add data (may be empty). */
  readonly key: string;
  /** The value typed. */
  readonly value: string;
  /** Typed into Add data (AttachUserData), not into a value's editor. */
  readonly adding: boolean;
}

/**
 * Drafts left behind by cards that went away with an editor open: an interaction that ends moves
 * its card to "Recently ended", a new card in another group, and that card shows what the old one
 * had typed. One per widget; bounded, oldest first out (an interaction that left the list never
 * asks for its draft).
 */
export interface UnsavedDrafts {
  leave(interactionId: string, draft: UnsavedDraft): void;
  /** The draft a card of this interaction left, removed from the store. */
  take(interactionId: string): UnsavedDraft | undefined;
}

/** Drafts kept for cards to come, at most. */
const KEPT_DRAFTS = 20;

export function createUnsavedDrafts(limit = KEPT_DRAFTS): UnsavedDrafts {
  const drafts = new Map<string, UnsavedDraft>();
  return {
    leave(interactionId, draft) {
      drafts.delete(interactionId);
      drafts.set(interactionId, draft);
      if (drafts.size > limit) drafts.delete(drafts.keys().next().value as string);
    },
    take(interactionId) {
      const draft = drafts.get(interactionId);
      drafts.delete(interactionId);
      return draft;
    },
  };
}

/** The widget's drafts; without one (a host drawing cards itself) a card keeps only its own. */
export const UnsavedDraftsContext = createContext<UnsavedDrafts | null>(null);

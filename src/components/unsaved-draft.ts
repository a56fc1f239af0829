import { createContext } from 'react';

/** What the agent had typed into an inline editor that closed without it being saved. */
export interface UnsavedDraft {
  /** The key whose value was being edited, or the key typed into Add data (may be empty). */
  readonly key: string;
  /** The value typed. */
  readonly value: string;
  /** Typed into Add data (AttachUserData), not into a value's editor. */
  readonly adding: boolean;
  /** The interaction's title when it was typed: said with the draft where its card is gone. */
  readonly subject: string;
}

/** What an editor reports as the agent types (the card adds its subject). */
export type TypedDraft = Omit<UnsavedDraft, 'subject'>;

/** A draft left by an interaction no longer in the list. */
export interface OrphanDraft {
  readonly interactionId: string;
  readonly draft: UnsavedDraft;
}

/** What a card mounting now shows: the drafts already said (by the card before it), and one it had typed. */
export interface HeldDrafts {
  readonly shown: readonly UnsavedDraft[];
  readonly typed: UnsavedDraft | undefined;
}

/**
 * What the agent typed and did not save, per interaction, held outside the cards (no hook per
 * card to hand it over): a card that goes (an interaction that ends moves to "Recently ended", a
 * new card in another group) leaves it to the card that replaces it, and once no card is left
 * (evicted after the linger) the widget shows it on its own until dismissed. An editor reports
 * what it holds as the agent types (`typing`); when the server closes the editor, or a new card
 * takes over, that becomes a draft on show (`keep`).
 */
export interface UnsavedDrafts {
  /** What the open editor of this interaction's card holds that the agent typed; undefined: nothing (or the agent closed it). */
  typing(interactionId: string, draft: UnsavedDraft | undefined): void;
  /** What was typed is on show from now on (the server closed the editor, or a new card took over). Returns it, or undefined. */
  keep(interactionId: string): UnsavedDraft | undefined;
  peek(interactionId: string): HeldDrafts;
  /** The agent dismissed one draft. */
  dismiss(interactionId: string, draft: UnsavedDraft): void;
  /** Drafts of interactions that have no card: `present` tells which have one. */
  orphans(present: (interactionId: string) => boolean): readonly OrphanDraft[];
}

interface Held {
  typed: UnsavedDraft | undefined;
  shown: readonly UnsavedDraft[];
}

/** Interactions whose drafts are kept, at most (oldest out). */
const KEPT_INTERACTIONS = 50;
/** Drafts on show per interaction, at most (oldest out). */
const KEPT_PER_INTERACTION = 5;
const NOTHING: HeldDrafts = { shown: [], typed: undefined };

export function createUnsavedDrafts(limit = KEPT_INTERACTIONS): UnsavedDrafts {
  const held = new Map<string, Held>();
  const put = (interactionId: string, entry: Held) => {
    held.delete(interactionId);
    if (entry.typed === undefined && entry.shown.length === 0) return;
    held.set(interactionId, entry);
    if (held.size > limit) held.delete(held.keys().next().value as string);
  };
  return {
    typing(interactionId, draft) {
      const entry = held.get(interactionId);
      if (entry === undefined && draft === undefined) return;
      put(interactionId, { typed: draft, shown: entry?.shown ?? [] });
    },
    keep(interactionId) {
      const entry = held.get(interactionId);
      const typed = entry?.typed;
      if (entry === undefined || typed === undefined) return undefined;
      put(interactionId, { typed: undefined, shown: [...entry.shown, typed].slice(-KEPT_PER_INTERACTION) });
      return typed;
    },
    peek(interactionId) {
      return held.get(interactionId) ?? NOTHING;
    },
    dismiss(interactionId, draft) {
      const entry = held.get(interactionId);
      if (entry === undefined) return;
      put(interactionId, { typed: entry.typed === draft ? undefined : entry.typed, shown: entry.shown.filter((d) => d !== draft) });
    },
    orphans(present) {
      const found: OrphanDraft[] = [];
      for (const [interactionId, entry] of held) {
        if (present(interactionId)) continue;
        for (const draft of entry.typed === undefined ? entry.shown : [...entry.shown, entry.typed]) found.push({ interactionId, draft });
      }
      return found;
    },
  };
}

const draftKeys = new WeakMap<UnsavedDraft, number>();
let lastDraftKey = 0;

/** A React key for a draft: one note apart from another (each keeps its own "Copied"). */
export function draftKey(draft: UnsavedDraft): number {
  let key = draftKeys.get(draft);
  if (key === undefined) {
    lastDraftKey += 1;
    key = lastDraftKey;
    draftKeys.set(draft, key);
  }
  return key;
}

/**
 * The widget's drafts (one per widget: it draws one card per interaction). A card drawn outside a
 * widget (a host's own list) keeps its own, for itself only.
 */
export const UnsavedDraftsContext = createContext<UnsavedDrafts | null>(null);

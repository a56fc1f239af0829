import { createContext } from 'react';
import { createObjectKeys } from './object-key';

/** What the agent had typed into an inline editor that closed without it being saved. */
export interface UnsavedDraft {
  /** The key whose value was being edited, or the key typed into Add data (may be empty). */
  readonly key: string;
  /** The value typed. */
  readonly value: string;
  /** Typed into Add data (AttachUserData), not into a value's editor. */
  readonly adding: boolean;
  /** The Transfer dialog's target (`value`: its URI, picked or typed), not user data. */
  readonly transfer?: boolean;
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

/** What holds a draft while the agent types: the card's inline editor, or its Transfer dialog. */
export type DraftSource = 'editor' | 'transfer';
const SOURCES: readonly DraftSource[] = ['editor', 'transfer'];

/** What is held for one interaction: the drafts already on show, and what each open part holds. */
export interface HeldDrafts {
  readonly shown: readonly UnsavedDraft[];
  readonly typed: Readonly<Partial<Record<DraftSource, UnsavedDraft>>>;
}

/**
 * What the agent typed and did not save, per interaction, held outside the cards (no hook per
 * card to hand it over): a card that goes (an interaction that ends moves to "Recently ended", a
 * new card in another group) leaves it to the card that replaces it, and once no card is left
 * (evicted after the linger) the widget shows it on its own until dismissed. An editor or the
 * Transfer dialog reports what it holds as the agent types (`typing`); when the server closes it,
 * or a new card takes over, that becomes a draft on show (`keep`).
 */
export interface UnsavedDrafts {
  /** What `source` of this interaction's card holds that the agent typed; undefined: nothing (or the agent closed it). */
  typing(interactionId: string, draft: UnsavedDraft | undefined, source?: DraftSource): void;
  /** What `sources` held is on show from now on (the server closed them, or a new card took over). Returns it. */
  keep(interactionId: string, sources?: readonly DraftSource[]): readonly UnsavedDraft[];
  peek(interactionId: string): HeldDrafts;
  /** The agent dismissed one draft. */
  dismiss(interactionId: string, draft: UnsavedDraft): void;
  /** Drafts of interactions that have no card: `present` tells which have one. */
  orphans(present: (interactionId: string) => boolean): readonly OrphanDraft[];
}

/** Interactions whose drafts are kept, at most (oldest out). */
const KEPT_INTERACTIONS = 50;
/** Drafts on show per interaction, at most (oldest out). */
const KEPT_PER_INTERACTION = 5;
const NOTHING: HeldDrafts = { shown: [], typed: {} };

const typedOf = (held: HeldDrafts): UnsavedDraft[] => SOURCES.flatMap((source) => held.typed[source] ?? []);

export function createUnsavedDrafts(limit = KEPT_INTERACTIONS): UnsavedDrafts {
  const held = new Map<string, HeldDrafts>();
  const put = (interactionId: string, entry: HeldDrafts) => {
    held.delete(interactionId);
    if (entry.shown.length === 0 && typedOf(entry).length === 0) return;
    held.set(interactionId, entry);
    if (held.size > limit) held.delete(held.keys().next().value as string);
  };
  return {
    typing(interactionId, draft, source = 'editor') {
      const entry = held.get(interactionId);
      if (entry === undefined && draft === undefined) return;
      put(interactionId, { shown: entry?.shown ?? [], typed: { ...entry?.typed, [source]: draft } });
    },
    keep(interactionId, sources = SOURCES) {
      const entry = held.get(interactionId);
      if (entry === undefined) return [];
      const kept = sources.flatMap((source) => entry.typed[source] ?? []);
      if (kept.length === 0) return [];
      const typed = { ...entry.typed };
      for (const source of sources) delete typed[source];
      put(interactionId, { shown: [...entry.shown, ...kept].slice(-KEPT_PER_INTERACTION), typed });
      return kept;
    },
    peek(interactionId) {
      return held.get(interactionId) ?? NOTHING;
    },
    dismiss(interactionId, draft) {
      const entry = held.get(interactionId);
      if (entry === undefined) return;
      const typed = { ...entry.typed };
      for (const source of SOURCES) if (typed[source] === draft) delete typed[source];
      put(interactionId, { shown: entry.shown.filter((d) => d !== draft), typed });
    },
    orphans(present) {
      const found: OrphanDraft[] = [];
      for (const [interactionId, entry] of held) {
        if (present(interactionId)) continue;
        for (const draft of [...entry.shown, ...typedOf(entry)]) found.push({ interactionId, draft });
      }
      return found;
    },
  };
}

/** A React key for a draft: one note apart from another (each keeps its own "Copied"). */
export const draftKey = createObjectKeys<UnsavedDraft>();

/**
 * The widget's drafts (one per widget: it draws one card per interaction). A card drawn outside a
 * widget (a host's own list) keeps its own, for itself only.
 */
export const UnsavedDraftsContext = createContext<UnsavedDrafts | null>(null);

import type * as DiagnosticsBodyModule from './diagnostics-body';
import { lazyPart } from './lazy-part';
import type * as TransferDialogModule from './transfer-dialog';
import type * as UserDataAddFormModule from './user-data-add-form';
import type * as UserDataValueFormModule from './user-data-value-form';

// The dialog and forms the agent opens on request, downloaded on demand: a page where nobody
// transfers or edits user data never loads their code (with Modal, the focus trap and the
// target filter, about 4 kB gzip). Their openers call `preload` on pointer-enter and focus, so
// the code is usually there by the click; nothing preloads at start-up.

/**
 * A part's module again from `url`, the chunk the browser failed to fetch, under a new query: a
 * browser keeps a failed `import()` of a URL for the page's lifetime (Chromium does), so asking
 * for the same URL again fails again without a request.
 */
function importFresh<M>(url: string): Promise<M> {
  return import(/* @vite-ignore */ url) as Promise<M>;
}

/**
 * The dynamic imports, one per part: `fresh`, the URL of the chunk to fetch afresh after a failed
 * download (see lazyPart). An object, read at each load, so tests can stand in for the network
 * (`vi.spyOn(partLoaders, 'transferDialog')`).
 */
export const partLoaders = {
  transferDialog: (fresh?: string) =>
    (fresh === undefined ? import('./transfer-dialog') : importFresh<typeof TransferDialogModule>(fresh)).then((m) => m.TransferDialog),
  userDataAddForm: (fresh?: string) =>
    (fresh === undefined ? import('./user-data-add-form') : importFresh<typeof UserDataAddFormModule>(fresh)).then((m) => m.UserDataAddForm),
  userDataValueForm: (fresh?: string) =>
    (fresh === undefined ? import('./user-data-value-form') : importFresh<typeof UserDataValueFormModule>(fresh)).then((m) => m.UserDataValueForm),
  diagnosticsBody: (fresh?: string) =>
    (fresh === undefined ? import('./diagnostics-body') : importFresh<typeof DiagnosticsBodyModule>(fresh)).then((m) => m.DiagnosticsBody),
};

export const LazyTransferDialog = lazyPart((fresh) => partLoaders.transferDialog(fresh), { cancel: (props) => props.onClose() });

export const LazyUserDataAddForm = lazyPart((fresh) => partLoaders.userDataAddForm(fresh), { cancel: (props) => props.onCancel() });

export const LazyUserDataValueForm = lazyPart((fresh) => partLoaders.userDataValueForm(fresh), { cancel: (props) => props.onCancel() });

// The diagnostics panel's body (counters, log table, download, redaction), for support: loaded
// when the panel opens or is about to, never at start.
export const LazyDiagnosticsBody = lazyPart((fresh) => partLoaders.diagnosticsBody(fresh), { cancel: (props) => props.onClose() });

/** Test support: downloads every part, so tests can open dialogs and forms and query them at once. */
export async function preloadLazyPartsForTests(): Promise<void> {
  await Promise.all([LazyTransferDialog.load(), LazyUserDataAddForm.load(), LazyUserDataValueForm.load(), LazyDiagnosticsBody.load()]);
}

import { lazyPart } from './lazy-part';

// The dialog and forms the agent opens on request, downloaded on demand: a page where nobody
// transfers or edits user data never loads their code (with Modal, the focus trap and the
// target filter, about 4 kB gzip). Their openers call `preload` on pointer-enter and focus, so
// the code is usually there by the click; nothing preloads at start-up.

/**
 * The dynamic imports, one per part. An object, read at each load, so tests can stand in for the
 * network (`vi.spyOn(partLoaders, 'transferDialog')`).
 */
export const partLoaders = {
  transferDialog: () => import('./transfer-dialog').then((m) => m.TransferDialog),
  userDataAddForm: () => import('./user-data-add-form').then((m) => m.UserDataAddForm),
  userDataValueForm: () => import('./user-data-value-form').then((m) => m.UserDataValueForm),
  diagnosticsBody: () => import('./diagnostics-body').then((m) => m.DiagnosticsBody),
};

export const LazyTransferDialog = lazyPart(() => partLoaders.transferDialog(), { cancel: (props) => props.onClose() });

export const LazyUserDataAddForm = lazyPart(() => partLoaders.userDataAddForm(), { cancel: (props) => props.onCancel() });

export const LazyUserDataValueForm = lazyPart(() => partLoaders.userDataValueForm(), { cancel: (props) => props.onCancel() });

// The diagnostics panel's body (counters, log table, download, redaction), for support: loaded
// when the panel opens or is about to, never at start.
export const LazyDiagnosticsBody = lazyPart(() => partLoaders.diagnosticsBody(), { cancel: (props) => props.onClose() });

/** Test support: downloads every part, so tests can open dialogs and forms and query them at once. */
export async function preloadLazyPartsForTests(): Promise<void> {
  await Promise.all([LazyTransferDialog.load(), LazyUserDataAddForm.load(), LazyUserDataValueForm.load(), LazyDiagnosticsBody.load()]);
}

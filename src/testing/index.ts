/**
 * openmedia-widget/testing: what a host needs to test its own code around the widget without a
 * GWS: an in-memory notification channel and a scripted GWS behind a `fetch` double.
 *
 * ```ts
 * const channel = createMemoryChannel();
 * const gws = createScriptedGws();
 * const client = createOpenmediaClient({ channel, gwsClient: createGwsClient({ fetch: gws.fetch }) });
 * channel.emit(statusChange(resource('IX-1', 'Invited')));
 * ```
 *
 * Nothing here imports a test runner: it works under Vitest, Jest, Playwright or a plain script.
 */
export { createMemoryChannel } from '../channel/memory-channel';
export type { MemoryChannel } from '../channel/memory-channel';
export { createScriptedGws, listOnServer, resource, statusChange, errorNotification, CAPABILITIES } from './scripted-gws';
export type { ScriptedGws } from './scripted-gws';
export { createFakeFetch, json, csrfHeaders } from './fake-fetch';
export type { FakeRequest, FakeRoute } from './fake-fetch';

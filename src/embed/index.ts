/**
 * openmedia-widget/embed: the widget for pages without React. React, React DOM and TanStack Query
 * are bundled in; the stylesheet is added to the document once (see `injectStyles`).
 */
export { defineOpenmediaWidgetElement } from './element';
export type { OpenmediaWidgetElement } from './element';
export { mountOpenmediaWidget } from './mount';
export type { MountedOpenmediaWidget } from './mount';
export type { OpenmediaWidgetMountOptions } from './mount-options';
export { createOpenmediaClient } from '../client/openmedia-client';
export type { OpenmediaClient, OpenmediaClientSnapshot } from '../client/openmedia-client';
export type { OpenmediaClientOptions } from '../client/client-options';
export { OPENMEDIA_ACTION_EVENT, OPENMEDIA_CONFIG_ERROR_EVENT, OPENMEDIA_FOCUS_EVENT, OPENMEDIA_OFFER_EVENT } from './dom-events';
export type {
  OpenmediaActionEventDetail,
  OpenmediaConfigErrorEventDetail,
  OpenmediaFocusEventDetail,
  OpenmediaOfferEventDetail,
} from './dom-events';
export { createMemoryChannel } from '../channel/memory-channel';
export type { MemoryChannel } from '../channel/memory-channel';

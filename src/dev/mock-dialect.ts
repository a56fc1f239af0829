import type { DialectName } from '../client/dialects';
import { HOSTILE_OFFER, MALFORMED_MESSAGES, V3_HOSTILE_OFFER, V3_MALFORMED_MESSAGES } from './mock-payloads';

/** What the mock panel says and sends differently for each dialect's mock. */
export interface PanelDialect {
  /** Media types an offer can have. */
  readonly mediaTypes: readonly string[];
  /** The `/mock/offer` overrides, in the dialect's field names. */
  offerOverrides(mediaType: string, direction: string, subject: string): Record<string, unknown>;
  readonly malformed: readonly { readonly label: string; readonly data: unknown }[];
  readonly hostileOffer: Record<string, unknown>;
  /** How the mock refuses requests of an expired session. */
  readonly expiredAnswer: string;
  /** Whether an interaction in this state is still with the agent. */
  isLive(state: string): boolean;
}

/** States after which a v3 interaction has left the agent (besides Completed). */
const V3_ENDED = new Set(['Completed', 'InWorkbin', 'Sent', 'Canceled', 'Queued']);

const GWS_V2: PanelDialect = {
  mediaTypes: ['promotion', 'workitem'],
  offerOverrides: (mediaType, direction, subject) => ({
    mediaType,
    openmediaType: direction,
    ...(subject ? { userData: { Subject: subject } } : {}),
  }),
  malformed: MALFORMED_MESSAGES,
  hostileOffer: HOSTILE_OFFER,
  expiredAnswer: '401',
  isLive: (state) => state !== 'Completed',
};

const WORKSPACE_V3: PanelDialect = {
  mediaTypes: ['workitem', 'email'],
  // The v3 mock keeps its random user data and takes the subject from `subject`.
  offerOverrides: (mediaType, direction, subject) => ({ mediatype: mediaType, interactionType: direction, ...(subject ? { subject } : {}) }),
  malformed: V3_MALFORMED_MESSAGES,
  hostileOffer: V3_HOSTILE_OFFER,
  expiredAnswer: '403, CometD 402',
  isLive: (state) => !V3_ENDED.has(state),
};

export function panelDialect(dialect: DialectName): PanelDialect {
  return dialect === 'workspace-v3' ? WORKSPACE_V3 : GWS_V2;
}

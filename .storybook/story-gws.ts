import type { GwsClient } from '../src/api/client';
import { GwsRequestError } from '../src/api/errors';
import type { MemoryChannel } from '../src/channel/memory-channel';
import { nextStatus, outcomeNotificationType } from '../src/mock-gws/state-machine';
import { OPENMEDIA_CHANNEL, parseSnapshot } from '../src/protocol/parse';
import type { OpenmediaResourceWire, OpenmediaStateChangeMessageWire, OperationRequest, RestAnswer } from '../src/protocol/types';

/**
 * How the scripted GWS answers an operation:
 * - `succeed`: accepted (`statusCode: 0`), then the outcome notification after `latencyMs`;
 * - `error-notification`: accepted, then an `Error` notification for the request;
 * - `status-code`: refused at once with `statusCode: 2`;
 * - `never`: accepted, and no outcome ever comes (the widget's timer decides).
 */
export type StoryOutcome = 'succeed' | 'error-notification' | 'status-code' | 'never';

export interface StoryGwsOptions {
  /**
   * What the snapshot lists, by read number of a media type (1 = the read on start): a list, or an
   * Error to fail the read. Default: every resource this GWS knows.
   */
  readonly snapshot?: (read: number) => readonly OpenmediaResourceWire[] | Error;
  readonly outcome?: StoryOutcome;
  /** Delay of every answer and notification. Default 250 ms: long enough to see "Working…". */
  readonly latencyMs?: number;
}

export interface StoryGws {
  readonly client: GwsClient;
  /** How many snapshot reads (all media types together) have completed or failed. */
  snapshotReads(): number;
  /** Push a notification for a resource, as GWS would (unsolicited unless a referenceId is given). */
  push(resource: OpenmediaResourceWire, notificationType?: 'StatusChange' | 'PropertiesUpdated', referenceId?: number): void;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function message(
  notificationType: OpenmediaStateChangeMessageWire['notificationType'],
  openmedia: OpenmediaResourceWire | undefined,
  referenceId: number | undefined,
  extra: Partial<OpenmediaStateChangeMessageWire> = {},
): OpenmediaStateChangeMessageWire {
  return { messageType: 'OpenmediaStateChangeMessage', notificationType, referenceId, openmedia, ...extra };
}

function applyUserData(resource: OpenmediaResourceWire, request: OperationRequest): OpenmediaResourceWire {
  const userData = { ...resource.userData };
  if (request.operationName === 'AttachUserData' || request.operationName === 'UpdateUserData') Object.assign(userData, request.userData);
  if (request.operationName === 'DeleteUserData') for (const key of request.keys) delete userData[key];
  return { ...resource, userData };
}

/**
 * A GWS for stories, in memory: snapshots from a script, operations answered as `outcome` says,
 * outcome notifications pushed on the story's memory channel with the request's referenceId. The
 * state transitions are the mock GWS's own (src/mock-gws/state-machine.ts), so stories behave as
 * the dev page does.
 */
export function createStoryGws(channel: MemoryChannel, options: StoryGwsOptions = {}): StoryGws {
  const latencyMs = options.latencyMs ?? 250;
  const outcome = options.outcome ?? 'succeed';
  const resources = new Map<string, OpenmediaResourceWire>();
  const readsByType = new Map<string, number>();
  let reads = 0;
  let referenceId = 100;

  function snapshotFor(read: number): readonly OpenmediaResourceWire[] | Error {
    const scripted = options.snapshot?.(read);
    if (scripted instanceof Error) return scripted;
    if (scripted !== undefined) for (const r of scripted) resources.set(r.id, r);
    return scripted ?? [...resources.values()];
  }

  const client: GwsClient = {
    gwsBase: 'https://gws.story',
    getMe: async () => ({ userName: 'story-agent' }),
    async getSnapshot(mediaType) {
      await delay(latencyMs);
      reads += 1;
      const read = (readsByType.get(mediaType) ?? 0) + 1;
      readsByType.set(mediaType, read);
      const listed = snapshotFor(read);
      if (listed instanceof Error) throw listed;
      const parsed = parseSnapshot({ statusCode: 0, openmedia: listed.filter((r) => r.mediaType === mediaType) }, OPENMEDIA_CHANNEL);
      if (!parsed.ok) throw new GwsRequestError({ kind: 'http', message: `Unreadable story snapshot (${parsed.reason}).` });
      return { mediaType, interactions: parsed.interactions, rejected: parsed.rejected };
    },
    async performOperation(_mediaType, interactionId, request): Promise<RestAnswer> {
      await delay(latencyMs);
      if (outcome === 'status-code') return { statusCode: 2, referenceId: undefined, statusMessage: 'Operation is not valid in the current state' };
      referenceId += 1;
      const ref = referenceId;
      const current = resources.get(interactionId);
      if (outcome === 'error-notification') {
        setTimeout(
          () => channel.emit(message('Error', current, ref, { errorMessage: 'The interaction is locked by a supervisor', errorCode: 4 })),
          latencyMs,
        );
      } else if (outcome === 'succeed' && current) {
        const next = { ...applyUserData(current, request), ...nextStatus(current, request.operationName) };
        resources.set(interactionId, next);
        setTimeout(() => channel.emit(message(outcomeNotificationType(request.operationName), next, ref)), latencyMs);
      }
      return { statusCode: 0, referenceId: ref, statusMessage: undefined };
    },
  };

  return {
    client,
    snapshotReads: () => reads,
    push(resource, notificationType = 'StatusChange', ref) {
      resources.set(resource.id, resource);
      channel.emit(message(notificationType, resource, ref));
    },
  };
}

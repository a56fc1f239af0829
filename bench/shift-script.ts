import { parseNotification } from '../src/protocol/parse';
import type { OpenmediaEvent } from '../src/core/types';
import type { NotificationType, OpenmediaStateChangeMessageWire, Operation, UserDataValue } from '../src/protocol/types';
import { benchId } from './notification-stream';

const PROCESSING_CAPABILITIES = ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'];

/** Hands out referenceIds the way GWS does: one counter for the session. */
export interface ReferenceCounter {
  next(): number;
}

/**
 * One interaction's life in a shift, as the events the provider would dispatch: offered,
 * accepted, user data changed by others and by the agent, put in focus, completed. Ten
 * notifications. Each step yields the events of one notification (with the request events that
 * lead to it); `at` is read when the step runs, so the clock of the shift stamps them.
 *
 * Every fourth interaction has its agent-side updates answered the other way round (the
 * notification beats the REST answer), so the early-outcome path runs too.
 */
export function* interactionLife(index: number, refs: ReferenceCounter, now: () => number): Generator<OpenmediaEvent[], void, undefined> {
  const id = benchId(index);
  const userData: Record<string, UserDataValue> = { Subject: `Shift ${index}`, CustomerName: 'Soak', CustomerSegment: 'gold' };
  const notification = (type: NotificationType, state: string, referenceId?: number): OpenmediaEvent => {
    const wire: OpenmediaStateChangeMessageWire = {
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: type,
      ...(referenceId === undefined ? {} : { referenceId }),
      openmedia: {
        id,
        mediaType: 'promotion',
        openmediaType: 'Inbound',
        state,
        capabilities: state === 'Invited' ? ['Accept', 'Reject'] : state === 'Completed' ? [] : [...PROCESSING_CAPABILITIES],
        userData: { ...userData },
        receivedDate: '2026-11-24 09:00:00.000+0000',
      },
    };
    const parsed = parseNotification(wire);
    if (!parsed.ok) throw new Error(`The soak's notification no longer parses: ${parsed.reason}`);
    return { type: 'notificationReceived', notification: parsed.notification, at: now() };
  };
  let requests = 0;
  const request = (operation: Operation, type: NotificationType, state: string, reverse = false): OpenmediaEvent[] => {
    const requestId = `${id}-${requests++}`;
    const referenceId = refs.next();
    const asked: OpenmediaEvent = { type: 'actionRequested', requestId, interactionId: id, operation, at: now() };
    const answered: OpenmediaEvent = { type: 'actionAccepted', requestId, referenceId, at: now() };
    const outcome = notification(type, state, referenceId);
    return reverse ? [asked, outcome, answered] : [asked, answered, outcome];
  };

  yield [notification('StatusChange', 'Invited')];
  yield request('Accept', 'StatusChange', 'Processing');
  for (let k = 0; k < 3; k++) {
    userData.Score = k;
    yield [notification('PropertiesUpdated', 'Processing')];
  }
  for (let k = 0; k < 3; k++) {
    userData.Note = `agent note ${k}`;
    yield request('UpdateUserData', 'PropertiesUpdated', 'Processing', index % 4 === 0);
  }
  yield request('SetInFocus', 'StatusChange', 'Processing');
  yield request('Complete', 'StatusChange', 'Completed');
}

/** Notifications in one `interactionLife`. */
export const NOTIFICATIONS_PER_LIFE = 10;

import type { NotificationType, OpenmediaResourceWire, OpenmediaStateChangeMessageWire } from '../protocol/types';

/** Builds the Bayeux `data` of one notification, fields in the spec's order. */
export function buildMessage(
  notificationType: NotificationType,
  openmedia: OpenmediaResourceWire | undefined,
  referenceId?: number,
  error?: { errorMessage?: string | undefined; errorCode?: number | string | undefined },
): OpenmediaStateChangeMessageWire {
  return {
    messageType: 'OpenmediaStateChangeMessage',
    notificationType,
    ...(referenceId === undefined ? {} : { referenceId }),
    ...(openmedia === undefined ? {} : { openmedia }),
    ...(error?.errorMessage === undefined ? {} : { errorMessage: error.errorMessage }),
    ...(error?.errorCode === undefined ? {} : { errorCode: error.errorCode }),
  };
}

/** HTTP status that goes with a GWS statusCode (the body always carries the statusCode too). */
export function httpStatusFor(statusCode: number): number {
  switch (statusCode) {
    case 0:
      return 200;
    case 3:
    case 5:
      return 403;
    case 4:
      return 500;
    case 6:
      return 404;
    default:
      return 400;
  }
}

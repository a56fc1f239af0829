import type { TransferTarget } from '../src/components/transfer-target';
import { formatGwsDate } from '../src/protocol/format-gws-date';
import { capabilitiesFor } from '../src/mock-gws/state-machine';
import type { OpenmediaResourceWire, UserDataValue } from '../src/protocol/types';

/** A resource as GWS sends it, received `receivedSecondsAgo` ago; capabilities follow the state. */
export function storyResource(
  id: string,
  state: string,
  userData: Record<string, UserDataValue>,
  options: { mediaType?: string; direction?: 'Inbound' | 'Outbound'; receivedSecondsAgo?: number; capabilities?: string[] } = {},
): OpenmediaResourceWire {
  const mediaType = options.mediaType ?? 'promotion';
  return {
    id,
    mediaType,
    openmediaType: options.direction ?? 'Inbound',
    state,
    capabilities: options.capabilities ?? capabilitiesFor(state),
    uri: `https://gws.story/api/v2/openmedia/${mediaType}s/${id}`,
    userData,
    receivedDate: formatGwsDate(Date.now() - (options.receivedSecondsAgo ?? 60) * 1000, 60),
  };
}

export const SPRING_OFFER = storyResource(
  '03W0GH2KD56YV001',
  'Invited',
  { Subject: 'Spring upgrade offer', CustomerName: 'Amélie Laurent', CustomerSegment: 'gold', OfferCode: 'SPRING-24-GOLD', Discount: 15 },
  { direction: 'Outbound', receivedSecondsAgo: 12 },
);

export const ADDRESS_CHANGE = storyResource(
  '03W0GH2KD56YV002',
  'Processing',
  { Subject: 'Address change request', CustomerName: 'Jonas Becker', CaseNumber: 'CS-20931', Priority: 2, Notes: null },
  { mediaType: 'workitem', receivedSecondsAgo: 420 },
);

export const REFUND_REVIEW = storyResource(
  '03W0GH2KD56YV003',
  'Processing',
  { Subject: 'Refund review', CustomerName: 'Priya Raman', Amount: 129.9, Currency: 'EUR' },
  { mediaType: 'workitem', receivedSecondsAgo: 900 },
);

export const LOYALTY_DONE = storyResource(
  '03W0GH2KD56YV004',
  'Completed',
  { Subject: 'Loyalty renewal, 12 months', CustomerName: 'Chen Wei', Outcome: 'accepted offer' },
  { receivedSecondsAgo: 1_800 },
);

const LONG = 'The customer called back about the same invoice again and asked for a written confirmation. ';

/** User data written by other systems: markup, very long values, odd keys, nulls and numbers. */
export const HOSTILE = storyResource(
  '03W0GH2KD56YV005-with-a-very-long-identifier-that-does-not-wrap-nicely-0123456789',
  'Processing',
  {
    Subject: `<img src=x onerror=alert(1)> ${LONG.repeat(3).trim()}`,
    CustomerName: '<script>alert("pwned")</script>',
    Note: '"><svg onload=alert(document.cookie)>',
    Link: 'javascript:alert(1)',
    Description: LONG.repeat(8).trim(),
    'Key with spaces & <tags>': 'value',
    EmptyString: '',
    Nothing: null,
    Amount: 1e21,
    Unicode: 'Ωmega — 漢字 — emoji 📞',
  },
  { mediaType: 'workitem', capabilities: [...capabilitiesFor('Processing'), 'Consult', 'Escalate'] },
);

export const STORY_TARGETS: readonly TransferTarget[] = [
  { name: 'Dana Whitfield', uri: 'https://gws.story/api/v2/users/dwhitfield', kind: 'agent' },
  { name: 'Marco Bianchi', uri: 'https://gws.story/api/v2/users/mbianchi', kind: 'agent' },
  { name: 'Retention', uri: 'https://gws.story/api/v2/queues/retention', kind: 'queue' },
  { name: 'Billing', uri: 'https://gws.story/api/v2/queues/billing', kind: 'queue' },
];

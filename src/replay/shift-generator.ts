import type { OpenmediaResourceWire, OpenmediaStateChangeMessageWire, UserDataValue } from '../protocol/types';
import { RECORDING_VERSION } from './recording';
import type { RecordedEvent, Recording } from './recording';

// Writes src/replay/fixtures/shift.json (via scripts/generate-shift.ts): twelve minutes of an
// agent's morning on /v2/me/openmedia. Deterministic, so the fixture can be checked against it.

const CAPABILITIES: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Transfer', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete'],
  Completed: [],
};

const GWS = 'http://gws.example:8090/api/v2';
/** 2026-03-02 09:00:00 +01:00, when the recording starts. */
const SHIFT_START = Date.UTC(2026, 2, 2, 8, 0, 0);
const SHIFT_MS = 12 * 60_000;

const CUSTOMERS = [
  ['Amélie Laurent', 'gold'],
  ['Jonas Becker', 'silver'],
  ['Priya Raman', 'gold'],
  ['Tomás Ortega', 'bronze'],
  ['Chen Wei', 'silver'],
  ['Fatima Zahra El Idrissi', 'gold'],
  ['Oluwaseun Adeyemi', 'bronze'],
  ['Ingrid Halvorsen', 'silver'],
  ['Mateus Carvalho', 'gold'],
  ['Hannah Schmidt', 'bronze'],
  ['Yuki Tanaka', 'silver'],
  ['Liam O’Connor', 'gold'],
] as const;

const PROMOTIONS = ['Spring upgrade offer', 'Loyalty renewal, 12 months', 'Fibre bundle callback', 'Premium support trial', 'Family plan add-on'];
const WORKITEMS = ['Address change request', 'Refund review', 'Contract cancellation', 'Invoice dispute', 'Device return label'];

/** mulberry32: small, seedable, good enough to vary timings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** GWS writes `2026-03-02 09:00:00.000+0100`. */
function gwsDate(epochMs: number): string {
  const d = new Date(epochMs + 60 * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0100`
  );
}

interface Planned {
  readonly at: number;
  /** Outcome of an agent's request: gets the next referenceId, in time order. */
  readonly solicited: boolean;
  readonly build: (referenceId: number | undefined) => unknown;
}

class Interaction {
  readonly userData: Record<string, UserDataValue>;
  state = 'Invited';

  constructor(
    readonly id: string,
    readonly mediaType: 'promotion' | 'workitem',
    readonly direction: 'Inbound' | 'Outbound',
    readonly receivedAt: number,
    userData: Record<string, UserDataValue>,
  ) {
    this.userData = { ...userData };
  }

  resource(): OpenmediaResourceWire {
    return {
      id: this.id,
      mediaType: this.mediaType,
      openmediaType: this.direction,
      state: this.state,
      capabilities: [...(CAPABILITIES[this.state] ?? [])],
      uri: `${GWS.replace('/api/v2', '')}/api/v2/openmedia/${this.mediaType}s/${this.id}`,
      userData: { ...this.userData },
      receivedDate: gwsDate(this.receivedAt),
    };
  }
}

function message(
  notificationType: OpenmediaStateChangeMessageWire['notificationType'],
  openmedia: OpenmediaResourceWire | undefined,
  referenceId: number | undefined,
  extra: Partial<OpenmediaStateChangeMessageWire> = {},
): OpenmediaStateChangeMessageWire {
  const data: OpenmediaStateChangeMessageWire = { messageType: 'OpenmediaStateChangeMessage', notificationType };
  if (referenceId !== undefined) data.referenceId = referenceId;
  if (openmedia !== undefined) data.openmedia = openmedia;
  return { ...data, ...extra };
}

/**
 * Builds the shift: offers arrive every ~25 s; most are accepted, worked on (focus, user data)
 * and completed or transferred; some are rejected or withdrawn. Along the way: a duplicate
 * notification, an Error for a request (code 2) and one nobody asked for, hostile and very long
 * user data, an opaque state, a message of another type, two malformed messages, and a
 * 20-second reconnect after which the notifications queued meanwhile arrive in a burst.
 */
export function generateShift(seed = 20260302): Recording {
  const random = prng(seed);
  const between = (min: number, max: number) => Math.round(min + random() * (max - min));
  const plan: Planned[] = [];
  const emit = (at: number, solicited: boolean, build: Planned['build']) => plan.push({ at, solicited, build });
  /** Snapshot the resource at planning time: later changes must not leak into earlier messages. */
  const statusChange = (at: number, ix: Interaction, solicited: boolean) => {
    const resource = ix.resource();
    emit(at, solicited, (ref) => message('StatusChange', resource, ref));
  };
  const propertiesUpdated = (at: number, ix: Interaction) => {
    const resource = ix.resource();
    emit(at, true, (ref) => message('PropertiesUpdated', resource, ref));
  };

  const gapStart = 7 * 60_000;
  const gapEnd = gapStart + 20_000;
  let offerAt = 2_000;
  let index = 0;
  while (offerAt < SHIFT_MS - 90_000) {
    const [customer, segment] = CUSTOMERS[index % CUSTOMERS.length] ?? CUSTOMERS[0];
    const promotion = index % 3 !== 2;
    const subjects = promotion ? PROMOTIONS : WORKITEMS;
    const ix = new Interaction(
      `0${promotion ? 'P' : 'W'}0GH2KD56YV${pad(index, 3)}`,
      promotion ? 'promotion' : 'workitem',
      promotion && index % 2 === 0 ? 'Outbound' : 'Inbound',
      SHIFT_START + offerAt,
      {
        Subject: subjects[index % subjects.length] ?? 'Request',
        CustomerName: customer,
        CustomerSegment: segment,
        CustomerId: `C-${pad(4100 + index * 37, 6)}`,
        ...(promotion ? { OfferCode: `OFR-${pad(index, 3)}`, Discount: 5 + (index % 4) * 5 } : { Priority: 1 + (index % 3) }),
      },
    );
    if (index === 4) ix.userData.Note = '<img src=x onerror=alert(1)> <script>alert("hi")</script> & "quotes"';
    if (index === 9) {
      ix.userData.Subject = `Escalation: ${'the customer called back about the same issue again, '.repeat(6).trim()}`;
      ix.userData.History = Array.from({ length: 12 }, (_, n) => `2026-02-${pad(n + 10)}: contact attempt ${n + 1} — no answer`).join('; ');
    }
    if (index === 6) ix.userData.Comment = null;

    let t = offerAt;
    statusChange(t, ix, false);
    if (index === 2) statusChange(t + 40, ix, false); // delivered twice: applying it again is harmless

    const outcome = index % 7 === 3 ? 'reject' : index % 11 === 8 ? 'withdrawn' : 'accept';
    t += between(4_000, 20_000);
    if (outcome === 'reject') {
      ix.state = 'Completed';
      statusChange(t, ix, true);
    } else if (outcome === 'withdrawn') {
      // Nobody answered in time: GWS routed the offer elsewhere.
      ix.state = 'Completed';
      statusChange(t, ix, false);
    } else {
      ix.state = 'Processing';
      statusChange(t, ix, true);
      if (index % 2 === 0) {
        t += between(1_000, 4_000);
        statusChange(t, ix, true); // SetInFocus: the state stays Processing
      }
      t += between(10_000, 40_000);
      ix.userData.Outcome = index % 3 === 0 ? 'interested' : 'callback';
      propertiesUpdated(t, ix);
      if (index % 4 === 1) {
        t += between(5_000, 15_000);
        ix.userData.Outcome = 'accepted offer';
        propertiesUpdated(t, ix);
      }
      if (index % 5 === 2 && 'Discount' in ix.userData) {
        t += between(3_000, 8_000);
        delete ix.userData.Discount;
        propertiesUpdated(t, ix);
      }
      if (index === 5) {
        t += between(5_000, 10_000);
        const resource = ix.resource();
        // The agent's Complete was refused: the Error carries the request's referenceId.
        emit(t, true, (ref) => message('Error', resource, ref, { errorMessage: 'Operation is not valid in the current state', errorCode: 2 }));
      }
      if (index === 12) {
        t += between(5_000, 10_000);
        const resource = ix.resource();
        // A CRM integration's update failed: an Error nobody in this widget asked for.
        emit(t, false, () =>
          message('Error', resource, undefined, { errorMessage: 'User data key "Outcome" is read-only for this campaign', errorCode: 4 }),
        );
      }
      t += between(20_000, 60_000);
      if (index === 7) {
        // A state this widget has no words for: shown as sent, no buttons.
        ix.state = 'Suspended';
        statusChange(t, ix, false);
      } else {
        ix.state = 'Completed';
        statusChange(t, ix, true); // Complete, or Transfer (which ends it for this agent too)
      }
    }
    offerAt += between(15_000, 35_000);
    index += 1;
  }

  // Noise a live channel can carry.
  emit(95_000, false, () => ({ messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', chat: { id: 'CH-1' } }));
  emit(183_000, false, () => ({
    messageType: 'OpenmediaStateChangeMessage',
    notificationType: 'StatusChange',
    openmedia: { mediaType: 'workitem', state: 'Invited', capabilities: ['Accept', 'Reject'] },
  }));
  emit(412_500, false, () => 'heartbeat');
  emit(530_000, false, () => ({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'Moved', openmedia: { id: 'X' } }));

  plan.sort((a, b) => a.at - b.at);
  // The gap: the CometD session survives a short network cut, so the server queues what it sends
  // meanwhile and delivers it in a burst once the client reconnects (5 ms apart, in order).
  let burst = 0;
  const delivered = plan.map((p) => (p.at >= gapStart && p.at < gapEnd ? { ...p, at: gapEnd + 5 * ++burst } : p));
  let referenceId = 1;
  const events: RecordedEvent[] = delivered.map((p) => ({ at: p.at, data: p.build(p.solicited ? referenceId++ : undefined) }));
  events.push({ at: gapStart, status: 'reconnecting' }, { at: gapEnd, status: 'connected' });
  events.sort((a, b) => a.at - b.at);
  return { version: RECORDING_VERSION, title: 'An agent’s morning: 12 minutes on /v2/me/openmedia', events };
}

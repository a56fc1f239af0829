import type { DialectName } from '../client/dialects';
import type { TransferTarget } from '../components/transfer-target';

/**
 * Workspace API v3 targets: agents by user name (`transfer-agent`), workbins by name
 * (`place-in-queue`; the simulator knows these two).
 */
const V3_TARGETS: readonly TransferTarget[] = [
  { name: 'Kate London', uri: 'agent:KateLondon', kind: 'agent' },
  { name: 'Thomas Watson', uri: 'agent:ThomasWatson', kind: 'agent' },
  { name: 'Email drafts workbin', uri: 'workbin:email-draft-wb', kind: 'queue' },
  { name: 'Email in progress workbin', uri: 'workbin:email-in-progress-wb', kind: 'queue' },
];

/** A few agents and queues for the Transfer dialog, as URIs on the GWS the page talks to. */
export function exampleTargets(gwsBase: string, origin: string, dialect: DialectName = 'gws-v2'): TransferTarget[] {
  if (dialect === 'workspace-v3') return [...V3_TARGETS];
  const base = gwsBase || origin;
  return [
    { name: 'Dana Whitfield', uri: `${base}/api/v2/users/dwhitfield`, kind: 'agent' },
    { name: 'Marco Bianchi', uri: `${base}/api/v2/users/mbianchi`, kind: 'agent' },
    { name: 'Sofia Lindqvist', uri: `${base}/api/v2/users/slindqvist`, kind: 'agent' },
    { name: 'Retention', uri: `${base}/api/v2/queues/retention`, kind: 'queue' },
    { name: 'Billing', uri: `${base}/api/v2/queues/billing`, kind: 'queue' },
    { name: 'Technical support, tier 2', uri: `${base}/api/v2/queues/tech-tier2`, kind: 'queue' },
  ];
}

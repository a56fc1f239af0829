import type { TransferTarget } from '../components/transfer-target';

/** A few agents and queues for the Transfer dialog, as URIs on the GWS the page talks to. */
export function exampleTargets(gwsBase: string, origin: string): TransferTarget[] {
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

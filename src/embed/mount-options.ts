import type { OpenmediaWidgetProps } from '../components/openmedia-widget';
import type { OpenmediaProviderProps } from '../hooks/openmedia-provider';

/** Options read when the connection is created; changing any of them reconnects. */
export type OpenmediaConnectionOptions = Pick<
  OpenmediaProviderProps,
  | 'gwsBase'
  | 'cometdUrl'
  | 'mediaTypes'
  | 'transport'
  | 'channel'
  | 'client'
  | 'queryClient'
  | 'actionTimeoutMs'
  | 'lingerMs'
  | 'recordLimit'
>;

/** What {@link mountOpenmediaWidget} takes: the provider's connection options and the widget's props. */
export interface OpenmediaWidgetMountOptions extends OpenmediaConnectionOptions, OpenmediaWidgetProps {
  /**
   * Add the widget's stylesheet to the document (once). Default true. Set false when the page
   * links `openmedia-widget.css` itself (e.g. under a CSP that forbids inline styles).
   */
  readonly injectStyles?: boolean;
}

const CONNECTION_KEYS = [
  'gwsBase',
  'cometdUrl',
  'transport',
  'channel',
  'client',
  'queryClient',
  'actionTimeoutMs',
  'lingerMs',
  'recordLimit',
] as const satisfies readonly (keyof OpenmediaConnectionOptions)[];

/** Whether going from `a` to `b` needs a new connection (the provider reads its props once). */
export function connectionChanged(a: OpenmediaWidgetMountOptions, b: OpenmediaWidgetMountOptions): boolean {
  if (CONNECTION_KEYS.some((key) => !Object.is(a[key], b[key]))) return true;
  return (a.mediaTypes ?? []).join('\n') !== (b.mediaTypes ?? []).join('\n') || (a.mediaTypes === undefined) !== (b.mediaTypes === undefined);
}

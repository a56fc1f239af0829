import { useMemo, type ReactNode } from 'react';
import { resolveMessages, type Messages } from './messages';
import { MessagesContext } from './messages-context';

export interface OpenmediaMessagesProps {
  /** Strings to override; the rest keep the English defaults. */
  readonly messages: Partial<Messages> | undefined;
  readonly children?: ReactNode;
}

/**
 * Supplies the widget's strings to components used on their own (`InteractionCard`,
 * `DiagnosticsPanel`); `<OpenmediaWidget messages>` does this itself.
 */
export function OpenmediaMessages({ messages, children }: OpenmediaMessagesProps) {
  const resolved = useMemo(() => resolveMessages(messages), [messages]);
  return <MessagesContext.Provider value={resolved}>{children}</MessagesContext.Provider>;
}

import { createContext, useContext } from 'react';
import { DEFAULT_MESSAGES, type Messages } from './messages';

/** The resolved strings for everything under one widget; the English defaults outside any widget. */
export const MessagesContext = createContext<Messages>(DEFAULT_MESSAGES);

export function useMessages(): Messages {
  return useContext(MessagesContext);
}

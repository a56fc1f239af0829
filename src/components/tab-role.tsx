import type { TabInfo } from '../client/relay-channel';
import { useTabInfo } from '../hooks/use-tab-info';
import type { Messages } from './messages';
import { useMessages } from './messages-context';
import './offer-alerts.css';

/** "Leader: holds the connection · 3 tabs": this tab's part in the connection its browser shares. */
export function describeTab(messages: Messages, tab: TabInfo): string {
  const role = tab.role === 'leader' ? messages.tabRoleLeader : tab.role === 'follower' ? messages.tabRoleFollower : messages.tabRoleSolo;
  return tab.tabs === undefined || tab.role === 'solo' ? role : `${role} · ${messages.tabCount(tab.tabs)}`;
}

/** This tab's role in the shared connection, for a header or a status bar. Inside `<OpenmediaProvider>`. */
export function TabRoleIndicator({ className }: { readonly className?: string }) {
  const messages = useMessages();
  const tab = useTabInfo();
  return (
    <p className={className ?? 'omw-tab-role'} data-tab-role={tab.role}>
      {`${messages.diagnosticsTab}: ${describeTab(messages, tab)}`}
    </p>
  );
}

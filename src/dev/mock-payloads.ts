/** Messages the panel publishes raw on `/v2/me/openmedia`: each must be rejected, never crash the widget. */
export const MALFORMED_MESSAGES: readonly { readonly label: string; readonly data: unknown }[] = [
  { label: 'Not an object', data: 'garbage <b>text</b>' },
  {
    label: 'Missing id',
    data: {
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'StatusChange',
      openmedia: { mediaType: 'promotion', state: 'Processing', capabilities: [] },
    },
  },
  {
    label: 'Capabilities not a list',
    data: {
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'StatusChange',
      openmedia: { id: 'BROKEN-1', mediaType: 'promotion', state: 'Processing', capabilities: 'Accept' },
    },
  },
  {
    label: 'Unknown notification type',
    data: {
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'Exploded',
      openmedia: { id: 'BROKEN-2', mediaType: 'promotion', state: 'Processing', capabilities: [] },
    },
  },
  { label: 'Other message type', data: { messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange' } },
];

/** An offer whose every server string tries to become markup or a script link; the widget must show it as text. */
export const HOSTILE_OFFER = {
  openmediaType: 'Inbound',
  uri: 'javascript:alert(document.cookie)',
  userData: {
    Subject: '<img src=x onerror=alert(1)>',
    CustomerName: '<script>alert("xss")</script>',
    Link: 'javascript:alert(1)',
    '<b onmouseover=alert(1)>key</b>': '"><svg onload=alert(1)>',
  },
} as const;

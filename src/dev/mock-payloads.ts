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

/** Workspace API v3 messages the panel publishes raw on `/workspace/v3/media/workitem`: each must be rejected. */
export const V3_MALFORMED_MESSAGES: readonly { readonly label: string; readonly data: unknown }[] = [
  { label: 'Not an object', data: 'garbage <b>text</b>' },
  {
    label: 'Missing id',
    data: {
      notificationType: 'StatusChange',
      interaction: { mediatype: 'workitem', state: 'Processing', capabilities: [] },
      messageType: 'InteractionStateChanged',
    },
  },
  {
    label: 'User data not a KV list',
    data: {
      notificationType: 'StatusChange',
      interaction: { id: 'broken0000000001', mediatype: 'workitem', state: 'Processing', capabilities: [], userData: 'Subject=x' },
      messageType: 'InteractionStateChanged',
    },
  },
  {
    label: 'Unknown notification type',
    data: {
      notificationType: 'Exploded',
      interaction: { id: 'broken0000000002', mediatype: 'workitem', state: 'Processing', capabilities: [] },
      messageType: 'InteractionStateChanged',
    },
  },
  { label: 'Other message type', data: { messageType: 'ChannelStateChanged', media: { channels: [] } } },
];

/** The hostile offer in v3 field names: a KV list and the interaction's own `subject`. */
export const V3_HOSTILE_OFFER = {
  interactionType: 'Inbound',
  subject: '<img src=x onerror=alert(1)>',
  userData: [
    { key: 'CustomerName', type: 'str', value: '<script>alert("xss")</script>' },
    { key: 'Link', type: 'str', value: 'javascript:alert(1)' },
    { key: '<b onmouseover=alert(1)>key</b>', type: 'str', value: '"><svg onload=alert(1)>' },
  ],
} as const;

/**
 * The channels a CometD channel subscribes to, checked once where a host gives them: absolute
 * Bayeux channel names (`/workspace/v3/media/workitem`), a wildcard only as the last segment
 * (`/workspace/v3/media/*`), never a `/meta/` or `/service/` channel (those are not subscribed
 * to). A Workspace API v3 server that refuses the wildcard gets a list of exact channels.
 */
export function checkCometdChannels(channels: readonly unknown[]): readonly string[] {
  if (!Array.isArray(channels) || channels.length === 0) {
    throw new Error('cometdChannels must list at least one channel, e.g. ["/workspace/v3/media/workitem", "/workspace/v3/media/email"].');
  }
  const checked: string[] = [];
  for (const channel of channels) {
    const problem = channelProblem(channel);
    if (problem !== undefined) {
      throw new Error(
        `cometdChannels: ${JSON.stringify(channel) ?? String(channel)} ${problem}; write channel names such as "/workspace/v3/media/workitem" (a wildcard only as the last segment: "*" or "**").`,
      );
    }
    const name = channel as string;
    if (!checked.includes(name)) checked.push(name);
  }
  return checked;
}

function channelProblem(channel: unknown): string | undefined {
  if (typeof channel !== 'string') return 'is not a string';
  if (!channel.startsWith('/') || channel.length === 1) return 'does not start with "/" and a name';
  if (/\s/.test(channel)) return 'contains white space';
  const segments = channel.slice(1).split('/');
  if (segments.some((segment) => segment === '')) return 'has an empty segment';
  if (segments[0] === 'meta' || segments[0] === 'service') return 'is a /meta/ or /service/ channel, which are not subscribed to';
  const wildcardAt = segments.findIndex((segment) => segment.includes('*'));
  if (wildcardAt === -1) return undefined;
  const last = segments.length - 1;
  if (wildcardAt !== last || (segments[last] !== '*' && segments[last] !== '**') || last === 0) return 'has a wildcard other than a last "*" or "**" segment';
  return undefined;
}

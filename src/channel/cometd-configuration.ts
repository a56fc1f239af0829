/** CometD's methods that change its configuration: each drops the kept copy. */
const CONFIGURING_METHODS = ['configure', 'setBackoffIncrement', 'setLogLevel'] as const;

type ConfiguringClient = { getConfiguration?: () => unknown } & Partial<Record<(typeof CONFIGURING_METHODS)[number], (...args: unknown[]) => unknown>>;

/**
 * Makes a CometD client's `getConfiguration()` return one copy of its configuration until the
 * configuration changes (`configure`, and the setters that write to it).
 *
 * CometD's transports read every setting they need (the network delay, the request headers, the
 * connection limit, batching, the message size limit) through `getConfiguration()`, which
 * deep-copies the whole configuration on each call: several copies per long poll. In a CPU profile
 * at 200 notifications a second those copies took 26 ms in 4.3 s of the main thread, more than
 * the widget's parser did. The transports only read the copy, and the client is the channel's
 * own: no host code gets it.
 *
 * A client without `getConfiguration` (a test fake) is left as is.
 */
export function cacheConfigurationReads(cometd: object): void {
  const client = cometd as ConfiguringClient;
  const ownGet = client.getConfiguration;
  if (typeof ownGet !== 'function') return;
  let copy: { readonly value: unknown } | undefined;
  client.getConfiguration = () => {
    copy ??= { value: ownGet.call(cometd) };
    return copy.value;
  };
  for (const name of CONFIGURING_METHODS) {
    const own = client[name];
    if (typeof own !== 'function') continue;
    client[name] = (...args: unknown[]) => {
      copy = undefined;
      return own.apply(cometd, args);
    };
  }
}

/** CometD's methods that change its configuration: each drops the kept copy. */
const CONFIGURING_METHODS = ['configure', 'setBackoffIncrement', 'setLogLevel'] as const;

/** What the cached reads let the channel change. */
export interface ConfigurationReads {
  /** Headers every request of the long-polling transport carries from now on, over the configured ones. */
  setRequestHeaders(headers: Readonly<Record<string, string>>): void;
}

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
 * The same read is where request headers can change at run time: the long-polling transport takes
 * `requestHeaders` from it for every request, while `configure()` would start one more timer Worker
 * per call (see cometd-session.ts). A client without `getConfiguration` (a test fake) is left as is,
 * and its `setRequestHeaders` does nothing.
 */
export function cacheConfigurationReads(cometd: object): ConfigurationReads {
  const client = cometd as ConfiguringClient;
  const ownGet = client.getConfiguration;
  if (typeof ownGet !== 'function') return { setRequestHeaders: () => undefined };
  let copy: { readonly value: unknown } | undefined;
  let headers: Readonly<Record<string, string>> = {};
  client.getConfiguration = () => {
    copy ??= { value: withRequestHeaders(ownGet.call(cometd), headers) };
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
  return {
    setRequestHeaders(next) {
      headers = { ...next };
      copy = undefined;
    },
  };
}

function withRequestHeaders(configuration: unknown, headers: Readonly<Record<string, string>>): unknown {
  if (Object.keys(headers).length === 0 || typeof configuration !== 'object' || configuration === null) return configuration;
  const own: unknown = (configuration as { requestHeaders?: unknown }).requestHeaders;
  return { ...configuration, requestHeaders: { ...(typeof own === 'object' && own !== null ? own : {}), ...headers } };
}

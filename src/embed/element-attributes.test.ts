import { describe, expect, it } from 'vitest';
import { readElementAttributes } from './element-attributes';
import type { ElementAttribute } from './element-attributes';

function read(attributes: Partial<Record<ElementAttribute, string>>) {
  return readElementAttributes((name) => attributes[name] ?? null);
}

describe('readElementAttributes', () => {
  it('reads every attribute into mount options', () => {
    const { options, problems } = read({
      gws: ' https://gws.example:8090 ',
      dialect: 'workspace-v3',
      'cometd-url': 'https://gws.example:8090/genesys/cometd',
      'media-types': 'promotion, workitem,,',
      transport: 'websocket',
      'transfer-targets': JSON.stringify([
        { name: 'Billing', uri: 'http://gws/api/v2/queues/billing', kind: 'queue' },
        { name: 'Dana', uri: 'http://gws/api/v2/users/dana', kind: 'agent' },
      ]),
      theme: 'dark',
      heading: 'My work',
      compact: '',
      'show-diagnostics': 'false',
      locale: 'de-DE',
      'action-timeout-ms': '5000',
      'linger-ms': '30000',
    });
    expect(problems).toEqual([]);
    expect(options).toEqual({
      gwsBase: 'https://gws.example:8090',
      dialect: 'workspace-v3',
      cometdUrl: 'https://gws.example:8090/genesys/cometd',
      mediaTypes: ['promotion', 'workitem'],
      transport: 'websocket',
      transferTargets: [
        { name: 'Billing', uri: 'http://gws/api/v2/queues/billing', kind: 'queue' },
        { name: 'Dana', uri: 'http://gws/api/v2/users/dana', kind: 'agent' },
      ],
      theme: 'dark',
      title: 'My work',
      compact: true,
      showDiagnostics: false,
      locale: 'de-DE',
      actionTimeoutMs: 5000,
      lingerMs: 30000,
    });
  });

  it('leaves absent attributes to the defaults', () => {
    const { options, problems } = read({});
    expect(problems).toEqual([]);
    expect(Object.values(options).every((value) => value === undefined)).toBe(true);
  });

  it('ignores unreadable attributes and says why, keeping the rest', () => {
    const { options, problems } = read({
      theme: 'purple',
      transport: 'carrier-pigeon',
      'transfer-targets': '[{"name": "Billing"',
      'action-timeout-ms': '-3',
      'linger-ms': 'soon',
      'media-types': 'workitem',
      dialect: 'v3',
    });
    expect(options.theme).toBeUndefined();
    expect(options.transport).toBeUndefined();
    expect(options.transferTargets).toBeUndefined();
    expect(options.actionTimeoutMs).toBeUndefined();
    expect(options.lingerMs).toBeUndefined();
    expect(options.mediaTypes).toEqual(['workitem']);
    expect(options.dialect).toBeUndefined();
    expect(problems).toHaveLength(6);
    expect(problems.join(' ')).toMatch(/dialect must be "gws-v2" or "workspace-v3", not "v3"/);
    expect(problems.join(' ')).toMatch(/transfer-targets is not valid JSON/);
    expect(problems.join(' ')).toMatch(/theme must be/);
  });

  it('reports a server address that is neither an http(s) URL nor a path on the page\'s origin, and leaves it out', () => {
    for (const [gws, cometd] of [
      ['gws.example:8090', 'gws.example:8090/genesys/cometd'],
      ['javascript:alert(1)', 'ftp://gws.example/cometd'],
      ['//gws.example', 'cometd'],
    ] as const) {
      const { options, problems } = read({ gws, 'cometd-url': cometd });
      expect(options.gwsBase).toBeUndefined();
      expect(options.cometdUrl).toBeUndefined();
      expect(problems).toEqual([
        `gws must be an http(s) URL such as "https://gws.example:8090", or a path on this page's origin starting with "/", not "${gws}".`,
        `cometd-url must be an http(s) URL such as "https://gws.example:8090", or a path on this page's origin starting with "/", not "${cometd}".`,
      ]);
    }
    for (const [gws, cometd] of [
      ['http://127.0.0.1:8090', 'https://gws.example/genesys/cometd'],
      ['/gws', '/gws/api/v2/notifications'],
    ] as const) {
      const { options, problems } = read({ gws, 'cometd-url': cometd });
      expect(problems).toEqual([]);
      expect(options).toMatchObject({ gwsBase: gws, cometdUrl: cometd });
    }
    // Empty: the page's own origin for GWS, the default endpoint for CometD.
    expect(read({ gws: ' ', 'cometd-url': '' })).toMatchObject({ options: { gwsBase: '', cometdUrl: undefined }, problems: [] });
  });

  it('reports a malformed locale (en_US) and leaves the browser its own; a well-formed one passes as written', () => {
    const bad = read({ locale: 'en_US' });
    expect(bad.options.locale).toBeUndefined();
    expect(bad.problems).toEqual(['locale must be a language tag such as "en-US" or "fr", not "en_US"; the browser\'s own locale is used.']);
    const good = read({ locale: ' fr-CA ' });
    expect(good.options.locale).toBe('fr-CA');
    expect(good.problems).toEqual([]);
  });

  it('reads cometd-channels (commas or spaces) and api-key; a malformed channel list is reported and left out', () => {
    const good = read({ 'cometd-channels': ' /workspace/v3/media/workitem, /workspace/v3/media/email  /workspace/v3/media/workitem ', 'api-key': ' k-1 ' });
    expect(good.problems).toEqual([]);
    expect(good.options.cometdChannels).toEqual(['/workspace/v3/media/workitem', '/workspace/v3/media/email']);
    expect(good.options.apiKey).toBe('k-1');
    const bad = read({ 'cometd-channels': '/workspace/v3/media/workitem workspace/v3/media/email', 'api-key': '  ' });
    expect(bad.options.cometdChannels).toBeUndefined();
    expect(bad.options.apiKey).toBeUndefined();
    expect(bad.problems).toEqual([
      'cometd-channels: "workspace/v3/media/email" does not start with "/" and a name; write channel names such as "/workspace/v3/media/workitem" (a wildcard only as the last segment: "*" or "**"); the dialect\'s channels are used.',
    ]);
  });

  it('keeps the valid transfer targets and reports each invalid one', () => {
    const { options, problems } = read({
      'transfer-targets': JSON.stringify([
        { name: 'Billing', uri: 'http://gws/api/v2/queues/billing', kind: 'queue' },
        { name: '', uri: 'x', kind: 'queue' },
        { name: 'Bob', uri: 'http://gws/api/v2/users/bob', kind: 'robot' },
        'not an object',
      ]),
    });
    expect(options.transferTargets).toEqual([{ name: 'Billing', uri: 'http://gws/api/v2/queues/billing', kind: 'queue' }]);
    expect(problems).toEqual([
      expect.stringContaining('transfer-targets[1]'),
      expect.stringContaining('transfer-targets[2]'),
      expect.stringContaining('transfer-targets[3]'),
    ]);
    expect(read({ 'transfer-targets': '{"name": "x"}' }).problems).toEqual(['transfer-targets must be a JSON array.']);
  });
});

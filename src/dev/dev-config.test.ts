import { describe, expect, it } from 'vitest';
import { readDevConfig } from './dev-config';

describe('readDevConfig', () => {
  it('defaults to the page origin, default media types and the mock panel', () => {
    expect(readDevConfig('')).toEqual({
      dialect: 'gws-v2',
      gwsBase: '',
      cometdUrl: '/api/v2/notifications',
      cometdChannels: undefined,
      mediaTypes: undefined,
      mockPanel: true,
    });
  });

  it('reads ?gws=, ?mediaTypes= and ?mock=0', () => {
    expect(readDevConfig('?gws=http://127.0.0.1:8090/&mediaTypes=promotion, workitem,&mock=0')).toEqual({
      dialect: 'gws-v2',
      gwsBase: 'http://127.0.0.1:8090',
      cometdUrl: 'http://127.0.0.1:8090/api/v2/notifications',
      cometdChannels: undefined,
      mediaTypes: ['promotion', 'workitem'],
      mockPanel: false,
    });
  });

  it('reads ?dialect=v3 (or workspace-v3): the v3 CometD path; anything else stays v2', () => {
    expect(readDevConfig('?dialect=v3')).toMatchObject({ dialect: 'workspace-v3', cometdUrl: '/workspace/v3/notifications' });
    expect(readDevConfig('?dialect=workspace-v3&gws=http://sim:7777')).toMatchObject({ cometdUrl: 'http://sim:7777/workspace/v3/notifications' });
    expect(readDevConfig('?dialect=v9').dialect).toBe('gws-v2');
  });

  it('reads ?channels= as the CometD channels; a malformed list is ignored, not fatal', () => {
    expect(readDevConfig('?dialect=v3&channels=/workspace/v3/media/workitem, /workspace/v3/media/email').cometdChannels).toEqual([
      '/workspace/v3/media/workitem',
      '/workspace/v3/media/email',
    ]);
    expect(readDevConfig('?channels=/meta/connect').cometdChannels).toBeUndefined();
    expect(readDevConfig('?channels=,').cometdChannels).toBeUndefined();
  });

  it('keeps a path prefix of the GWS base', () => {
    expect(readDevConfig('?gws=https://gws.example/genesys/').gwsBase).toBe('https://gws.example/genesys');
  });

  it('ignores a base that is not an http(s) URL', () => {
    expect(readDevConfig('?gws=javascript:alert(1)').gwsBase).toBe('');
    expect(readDevConfig('?gws=not a url').gwsBase).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { readDevConfig } from './dev-config';

describe('readDevConfig', () => {
  it('defaults to the page origin, default media types and the mock panel', () => {
    expect(readDevConfig('')).toEqual({
      gwsBase: '',
      cometdUrl: '/api/v2/notifications',
      mediaTypes: undefined,
      mockPanel: true,
    });
  });

  it('reads ?gws=, ?mediaTypes= and ?mock=0', () => {
    expect(readDevConfig('?gws=http://127.0.0.1:8090/&mediaTypes=promotion, workitem,&mock=0')).toEqual({
      gwsBase: 'http://127.0.0.1:8090',
      cometdUrl: 'http://127.0.0.1:8090/api/v2/notifications',
      mediaTypes: ['promotion', 'workitem'],
      mockPanel: false,
    });
  });

  it('keeps a path prefix of the GWS base', () => {
    expect(readDevConfig('?gws=https://gws.example/genesys/').gwsBase).toBe('https://gws.example/genesys');
  });

  it('ignores a base that is not an http(s) URL', () => {
    expect(readDevConfig('?gws=javascript:alert(1)').gwsBase).toBe('');
    expect(readDevConfig('?gws=not a url').gwsBase).toBe('');
  });
});

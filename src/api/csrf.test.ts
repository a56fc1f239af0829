import { describe, expect, it } from 'vitest';
import { DEFAULT_CSRF_HEADER, createCsrfStore, isCsrfRefusal } from './csrf';

describe('createCsrfStore', () => {
  it('learns the header GWS names, or X-CSRF-TOKEN when it names none', () => {
    const store = createCsrfStore();
    expect(store.current()).toBeUndefined();
    store.remember(new Headers({ 'X-CSRF-TOKEN': 'abc' }));
    expect(store.current()).toEqual({ header: DEFAULT_CSRF_HEADER, value: 'abc' });
    store.remember(new Headers({ 'X-CSRF-HEADER': 'X-XSRF', 'X-XSRF': 'def' }));
    expect(store.current()).toEqual({ header: 'X-XSRF', value: 'def' });
  });

  it('keeps the token it has when an answer carries none or an empty one', () => {
    const store = createCsrfStore();
    store.remember(new Headers({ 'X-CSRF-TOKEN': 'abc' }));
    store.remember(new Headers({ 'Content-Type': 'application/json' }));
    store.remember(new Headers({ 'X-CSRF-TOKEN': '' }));
    expect(store.current()).toEqual({ header: 'X-CSRF-TOKEN', value: 'abc' });
  });

  it('forgets the token', () => {
    const store = createCsrfStore();
    store.remember(new Headers({ 'X-CSRF-TOKEN': 'abc' }));
    store.forget();
    expect(store.current()).toBeUndefined();
  });

  it('tells its subscribers when the token changes, and only then', () => {
    const store = createCsrfStore();
    const seen: (string | undefined)[] = [];
    const off = store.subscribe(() => seen.push(store.current()?.value));
    store.remember(new Headers({ 'X-CSRF-TOKEN': 'abc' }));
    store.remember(new Headers({ 'X-CSRF-TOKEN': 'abc' }));
    store.remember(new Headers({ 'Content-Type': 'application/json' }));
    store.remember(new Headers({ 'X-CSRF-HEADER': 'X-XSRF', 'X-CSRF-TOKEN': 'abc' }));
    store.forget();
    store.forget();
    off();
    store.remember(new Headers({ 'X-CSRF-TOKEN': 'def' }));
    expect(seen).toEqual(['abc', 'abc', undefined]);
  });
});

describe('isCsrfRefusal', () => {
  it.each([
    [403, 'Missing or invalid Csrf token', true],
    [403, 'Forbidden', false],
    [500, 'Missing or invalid Csrf token', false],
    [500, { statusCode: 3 }, false],
    [403, { statusCode: 3 }, true],
    [403, { statusCode: '3' }, true],
    [403, { statusCode: 5, statusMessage: 'Not allowed' }, false],
    [403, { statusMessage: 'Invalid CSRF token' }, true],
    [403, { message: 'csrf token expired' }, true],
    [403, { statusMessage: 'Forbidden', message: 'Csrf token missing' }, true],
    [403, { statusMessage: 42 }, false],
    [403, { statusMessage: ['Csrf token missing'] }, false],
    [403, null, false],
    [403, undefined, false],
    [403, 403, false],
  ] as const)('HTTP %s with %j: %s', (status, body, refusal) => {
    expect(isCsrfRefusal(status, body)).toBe(refusal);
  });
});

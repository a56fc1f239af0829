import { describe, expect, it } from 'vitest';
import { flattenKvList, toKvPair } from './kv-list';

// The corners of reading and writing KV values that the main tests leave out: a nested number
// JSON would write differently, and numeric-looking texts that Number() reads but the API's
// integer types must not take.

describe('flattenKvList: nested numbers', () => {
  it('writes a nested NaN or Infinity as its text, not as JSON null', () => {
    const flat = flattenKvList([{ key: 'n', type: 'kvlist', value: [{ key: 'a', value: Number.NaN }, { key: 'b', value: Number.NEGATIVE_INFINITY }, { key: 'c', value: 2 }] }]);
    expect(flat?.userData.n).toBe('a: NaN, b: -Infinity, c: 2');
  });
});

describe('toKvPair: integer types', () => {
  it.each<[string, string | number | null, { type: string; value: string | number }]>([
    ['a numeric text', ' 42 ', { type: 'int', value: 42 }],
    ['a negative text', '-3', { type: 'int', value: -3 }],
    ['an empty text', '', { type: 'str', value: '' }],
    ['a blank text', '  ', { type: 'str', value: '  ' }],
    ['a hexadecimal text', '0x10', { type: 'str', value: '0x10' }],
    ['an exponent', '1e3', { type: 'str', value: '1e3' }],
    ['a decimal text', '1.0', { type: 'str', value: '1.0' }],
    ['a word', 'abc', { type: 'str', value: 'abc' }],
    ['a fraction', 1.5, { type: 'str', value: '1.5' }],
    ['an unsafe integer', 2 ** 60, { type: 'str', value: String(2 ** 60) }],
    ['null', null, { type: 'str', value: '' }],
  ])('%s under int', (_name, value, expected) => {
    expect(toKvPair('k', value, 'int')).toEqual({ key: 'k', ...expected });
  });
});

describe('toKvPair: other and unknown types', () => {
  it('a number under kvlist (edited as text) is sent as str', () => {
    expect(toKvPair('k', 5, 'kvlist')).toEqual({ key: 'k', type: 'str', value: '5' });
  });

  it('a new key: int only for a safe integer', () => {
    expect(toKvPair('k', 5, undefined)).toEqual({ key: 'k', type: 'int', value: 5 });
    expect(toKvPair('k', 'x', undefined)).toEqual({ key: 'k', type: 'str', value: 'x' });
    expect(toKvPair('k', '5', undefined)).toEqual({ key: 'k', type: 'str', value: '5' });
    expect(toKvPair('k', 2.5, undefined)).toEqual({ key: 'k', type: 'str', value: '2.5' });
    expect(toKvPair('k', null, undefined)).toEqual({ key: 'k', type: 'str', value: '' });
  });
});

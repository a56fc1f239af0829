import { describe, expect, it } from 'vitest';
import { flattenKvList, toKvPair } from './kv-list';

// Table tests of the KV-list helpers on their own (the parser tests reach them only through the
// simulator captures): written after mutation testing found most of this file unexercised.

describe('flattenKvList', () => {
  it('is undefined for anything but a list', () => {
    expect(flattenKvList(undefined)).toBeUndefined();
    expect(flattenKvList({ key: 'a', type: 'str', value: 'x' })).toBeUndefined();
    expect(flattenKvList('a=x')).toBeUndefined();
  });

  it('reads each entry with its type; the last entry of a key wins', () => {
    const flat = flattenKvList([
      { key: 'Subject', type: 'str', value: 'Refund' },
      { key: 'Amount', type: 'int', value: 12 },
      { key: 'Subject', type: 'str', value: 'Refund, again' },
    ]);
    expect(flat?.userData).toEqual({ Subject: 'Refund, again', Amount: 12 });
    expect([...(flat?.types ?? [])]).toEqual([
      ['Subject', 'str'],
      ['Amount', 'int'],
    ]);
  });

  it('skips entries that are not objects or have no string key', () => {
    const flat = flattenKvList([null, 'x', ['k', 'v'], { key: 7, value: 'x' }, { key: '', value: 'x' }, { key: 'ok', type: 'str', value: 'v' }]);
    expect(flat?.userData).toEqual({ ok: 'v' });
    expect([...(flat?.types.keys() ?? [])]).toEqual(['ok']);
  });

  it('guesses a missing type: kvlist for a nested list, str otherwise', () => {
    const flat = flattenKvList([
      { key: 'nested', value: [{ key: 'a', value: 1 }] },
      { key: 'plain', value: 'x' },
      { key: 'typed', type: 42, value: 'x' },
    ]);
    expect(Object.fromEntries(flat?.types ?? [])).toEqual({ nested: 'kvlist', plain: 'str', typed: 'str' });
  });

  it('keeps strings and finite numbers, writes other numbers as text, null and undefined as null', () => {
    const flat = flattenKvList([
      { key: 's', value: 'text' },
      { key: 'n', value: 3.5 },
      { key: 'inf', value: Number.POSITIVE_INFINITY },
      { key: 'nan', value: Number.NaN },
      { key: 'nul', value: null },
      { key: 'undef' },
    ]);
    expect(flat?.userData).toEqual({ s: 'text', n: 3.5, inf: 'Infinity', nan: 'NaN', nul: null, undef: null });
  });

  it('writes a nested list as one readable line, nested lists in brackets', () => {
    const flat = flattenKvList([
      {
        key: 'Customer',
        type: 'kvlist',
        value: [
          { key: 'name', type: 'str', value: 'Ada' },
          { key: 'vip', type: 'bool', value: true },
          { key: 'age', type: 'int', value: 36 },
          { key: 'id', value: 10n },
          { key: 'none', value: null },
          { key: 'gone' },
          { key: 'address', type: 'kvlist', value: [{ key: 'city', value: 'Paris' }] },
          'not a pair',
          { key: 'raw', value: { x: 1 } },
        ],
      },
    ]);
    expect(flat?.userData.Customer).toBe('name: Ada, vip: true, age: 36, id: 10, none: , gone: , address: (city: Paris), raw: {"x":1}');
  });

  it('writes booleans, bigints and objects that are not lists as text', () => {
    const flat = flattenKvList([
      { key: 'b', value: false },
      { key: 'big', value: 7n },
      { key: 'obj', value: { a: [1, 2] } },
    ]);
    expect(flat?.userData).toEqual({ b: 'false', big: '7', obj: '{"a":[1,2]}' });
  });

  it('gives an empty text for a value JSON cannot write, and stops nesting after 8 levels', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(flattenKvList([{ key: 'c', value: [{ key: 'inner', value: cyclic }] }])?.userData.c).toBe('inner: ');
    expect(flattenKvList([{ key: 'f', value: [{ key: 'fn', value: () => 1 }] }])?.userData.f).toBe('fn: ');

    let deep: unknown = 'bottom';
    for (let level = 0; level < 10; level++) deep = [{ key: `l${level}`, value: deep }];
    const line = flattenKvList([{ key: 'deep', value: deep }])?.userData.deep;
    // Eight levels are read as pairs; below that the rest is written as JSON.
    expect(line).toMatch(/^l9: \(l8: \(l7: \(l6: \(l5: \(l4: \(l3: \(l2: \(\[\{"key":"l1"/);
  });

  it('keeps a "__proto__" key as a plain key', () => {
    const flat = flattenKvList([{ key: '__proto__', type: 'str', value: 'x' }]);
    expect(Object.getPrototypeOf(flat?.userData)).toBe(Object.prototype);
    expect(Object.keys(flat?.userData ?? {})).toEqual(['__proto__']);
  });
});

describe('toKvPair', () => {
  it.each([
    // [key type known, value, expected pair]
    ['int', 12, { type: 'int', value: 12 }],
    ['int', ' 42 ', { type: 'int', value: 42 }],
    ['int', '-7', { type: 'int', value: -7 }],
    ['INTEGER', '5', { type: 'INTEGER', value: 5 }],
    ['interger', '5', { type: 'interger', value: 5 }],
    ['long', '5', { type: 'long', value: 5 }],
    ['int', '5 apples', { type: 'str', value: '5 apples' }],
    ['int', '1.5', { type: 'str', value: '1.5' }],
    ['int', 1.5, { type: 'str', value: '1.5' }],
    ['int', '99999999999999999999', { type: 'str', value: '99999999999999999999' }],
    ['int', null, { type: 'str', value: '' }],
    ['str', 12, { type: 'str', value: '12' }],
    ['Date', 'today', { type: 'Date', value: 'today' }],
    ['str', null, { type: 'str', value: '' }],
    ['kvlist', 'a: 1', { type: 'str', value: 'a: 1' }],
    ['KVList', null, { type: 'str', value: '' }],
    [undefined, 3, { type: 'int', value: 3 }],
    [undefined, 3.5, { type: 'str', value: '3.5' }],
    [undefined, 2 ** 60, { type: 'str', value: String(2 ** 60) }],
    [undefined, '3', { type: 'str', value: '3' }],
    [undefined, null, { type: 'str', value: '' }],
  ] as const)('known type %s, value %j → %j', (knownType, value, expected) => {
    expect(toKvPair('k', value, knownType)).toEqual({ key: 'k', ...expected });
  });
});

import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MESSAGES, resolveMessages, type Messages } from './messages';
import { OpenmediaMessages } from './messages-provider';
import { useMessages } from './messages-context';

afterEach(() => {
  vi.restoreAllMocks();
});

/** What a translation file in JSON gives: strings only, also where the widget needs a function. */
const FROM_JSON = {
  title: 'Offene Medien',
  interactionCount: '{count} offene Interaktionen',
  newOffer: 'Neues Angebot',
  statusConnected: () => 'Live',
  operations: { Accept: 'Annehmen', Reject: 42 },
  stateLabels: 'Angeboten',
} as unknown as Partial<Messages>;

describe('resolveMessages', () => {
  it('keeps overrides of the right type and leaves out the rest with a warning: a string where a count function is expected would throw in a render', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const messages = resolveMessages(FROM_JSON);
    expect(messages.title).toBe('Offene Medien');
    expect(messages.interactionCount(3)).toBe('3 open interactions');
    expect(messages.newOffer).toBe(DEFAULT_MESSAGES.newOffer);
    expect(messages.statusConnected).toBe('Live');
    expect(messages.operations).toEqual({ ...DEFAULT_MESSAGES.operations, Accept: 'Annehmen' });
    expect(messages.stateLabels).toEqual(DEFAULT_MESSAGES.stateLabels);
    const warnings = warn.mock.calls.map(([text]) => String(text));
    for (const key of ['interactionCount', 'newOffer', 'statusConnected', 'operations.Reject', 'stateLabels']) {
      expect(warnings.some((text) => text.includes(`messages.${key} `))).toBe(true);
    }
  });

  it('merges nested tables key by key, and keeps a key it does not know', () => {
    const messages = resolveMessages({ operations: { Complete: 'Abschließen' }, futureKey: 'x' } as unknown as Partial<Messages>);
    expect(messages.operations.Complete).toBe('Abschließen');
    expect(messages.operations.Accept).toBe('Accept');
    expect((messages as unknown as Record<string, unknown>).futureKey).toBe('x');
  });

  it('a component reading a count message renders with the default instead of throwing', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    function Count() {
      return <p>{useMessages().interactionCount(2)}</p>;
    }
    render(
      <OpenmediaMessages messages={FROM_JSON}>
        <Count />
      </OpenmediaMessages>,
    );
    expect(screen.getByText('2 open interactions')).toBeInTheDocument();
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InteractionMeta } from './interaction-meta';
import { makeInteraction } from '../test-support/entries';
import type { OpenmediaInteraction } from '../protocol/types';

function Meta({ interaction, locale }: { interaction: OpenmediaInteraction; locale: string }) {
  const { id, mediaType, openmediaType, receivedAt, receivedDate, uri } = interaction;
  return <InteractionMeta id={id} mediaType={mediaType} openmediaType={openmediaType} receivedAt={receivedAt} receivedDate={receivedDate} uri={uri} locale={locale} />;
}

describe('InteractionMeta', () => {
  it('shows each field it compares when that field changes between renders', () => {
    const first = makeInteraction();
    const { rerender, container } = render(<Meta interaction={first} locale="en-GB" />);
    expect(container.querySelector('time')).toHaveAttribute('dateTime', '2014-03-26T14:02:22.000Z');

    // A user-data-only change leaves the block as it was.
    rerender(<Meta interaction={{ ...first, userData: { Subject: 'Other' } }} locale="en-GB" />);
    expect(screen.getByText('IX-1')).toBeInTheDocument();

    const moved = makeInteraction({
      id: 'IX-2',
      mediaType: 'chat',
      openmediaType: 'Outbound',
      receivedAt: Date.UTC(2015, 0, 2, 3, 4, 5),
      uri: 'https://gws.example/api/v2/openmedia/chats/IX-2',
    });
    rerender(<Meta interaction={moved} locale="en-GB" />);
    expect(screen.getByText('IX-2')).toBeInTheDocument();
    expect(screen.getByText('chat')).toBeInTheDocument();
    expect(screen.getByText('Outbound')).toBeInTheDocument();
    expect(container.querySelector('time')).toHaveAttribute('dateTime', '2015-01-02T03:04:05.000Z');
    expect(screen.getByRole('link')).toHaveAttribute('href', 'https://gws.example/api/v2/openmedia/chats/IX-2');

    const before = container.querySelector('time')?.textContent;
    rerender(<Meta interaction={moved} locale="de-DE" />);
    expect(container.querySelector('time')?.textContent).not.toBe(before);
  });
});

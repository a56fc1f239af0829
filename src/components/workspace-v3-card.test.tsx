import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parseV3Interaction } from '../protocol/workspace-v3/parse';
import { createWorkspaceV3Session } from '../protocol/workspace-v3/session';
import type { OpenmediaInteraction } from '../protocol/types';
import { makeEntry } from '../test-support/entries';
import { InteractionCard } from './interaction-card';

// A Workspace API v3 interaction on the card: what the v3 parser hands the shared card.

function v3(resource: Record<string, unknown>): OpenmediaInteraction {
  const parsed = parseV3Interaction(
    { id: 'V3-1', mediatype: 'workitem', state: 'Processing', capabilities: ['complete', 'update-user-data', 'delete-user-data'], userData: [], ...resource },
    createWorkspaceV3Session({ referenceBase: 0, instanceId: 't' }),
  );
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.interaction;
}

function renderV3(resource: Record<string, unknown>) {
  const interaction = v3(resource);
  render(<InteractionCard entry={makeEntry(interaction, { endedAt: interaction.ended ? Date.now() : undefined })} onPerform={vi.fn()} onDismissError={() => {}} />);
  return screen.getByRole('article');
}

describe('a Workspace API v3 interaction on the card', () => {
  it('a cancelled one says "Canceled" (not "Completed"), is shown as ended and offers nothing', () => {
    const card = renderV3({ state: 'Canceled', capabilities: ['complete'] });
    expect(within(card).getByText('Canceled')).toBeInTheDocument();
    expect(within(card).queryByText('Completed')).not.toBeInTheDocument();
    expect(card).toHaveClass('omw-card--ended');
    expect(within(card).getByText('This interaction has ended')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Complete' })).not.toBeInTheDocument();
  });

  it("the title is the interaction's subject; the user data show their own Subject, editable as sent", () => {
    const card = renderV3({ subject: 'Refund for order 7', userData: [{ key: 'Subject', type: 'str', value: 'Old note' }] });
    expect(screen.getByRole('article', { name: 'Refund for order 7' })).toBe(card);
    expect(within(card).getByText('Old note')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Edit Subject' })).toBeEnabled();
  });

  it('no Subject in the user data: no Subject row to edit or delete, the title still the subject', () => {
    const card = renderV3({ subject: 'Callback', userData: [{ key: 'Priority', type: 'int', value: 3 }] });
    expect(screen.getByRole('article', { name: 'Callback' })).toBe(card);
    expect(within(card).queryByRole('button', { name: 'Edit Subject' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Delete Subject' })).not.toBeInTheDocument();
  });

  it('a nested list and a boolean are read-only (saving them as text would change their type); deleting them is still offered', () => {
    const card = renderV3({
      userData: [
        { key: 'Customer', type: 'kvlist', value: [{ key: 'Name', type: 'str', value: 'Ada' }, { key: 'CrmId', type: 'int', value: 7 }] },
        { key: 'VIP', type: 'bool', value: true },
        { key: 'Priority', type: 'int', value: 3 },
      ],
    });
    expect(within(card).getByText('Name: Ada, CrmId: 7')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Edit Customer' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Edit VIP' })).not.toBeInTheDocument();
    expect(within(card).getByText('Read-only: a nested list, shown on one line.')).toBeInTheDocument();
    expect(within(card).getByText('Read-only: a true / false value.')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Edit Priority' })).toBeEnabled();
    expect(within(card).getByRole('button', { name: 'Delete Customer' })).toBeEnabled();
  });
});

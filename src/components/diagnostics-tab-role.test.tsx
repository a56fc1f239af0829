import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { createScriptedGws } from '../testing/scripted-gws';
import { DiagnosticsPanel } from './diagnostics-panel';
import { OpenmediaWidget } from './openmedia-widget';

describe('the diagnostics panel’s tab line', () => {
  it('shows this tab’s role inside a provider', async () => {
    const gws = createScriptedGws();
    render(
      <OpenmediaProvider channel={createMemoryChannel()} gwsClient={createGwsClient({ fetch: gws.fetch })}>
        <OpenmediaWidget title="Desk" showDiagnostics />
      </OpenmediaProvider>,
    );
    await userEvent.click(screen.getByText('Diagnostics', { selector: 'summary' }));
    expect(screen.getByText('This tab: Own connection (not shared)')).toBeInTheDocument();
  });

  it('has no tab line outside a provider', () => {
    const diagnostics = { received: 0, rejected: {}, unmatchedReferenceIds: 0, log: [] };
    render(<DiagnosticsPanel diagnostics={diagnostics as never} defaultOpen />);
    expect(screen.queryByText(/^This tab:/)).not.toBeInTheDocument();
  });
});

import { QueryClient } from '@tanstack/react-query';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import shiftJson from '../replay/fixtures/shift.json';
import { parseRecording } from '../replay/recording';
import type { Recording } from '../replay/recording';
import { createReplayChannel } from '../replay/replay-channel';
import { createReplayClient } from '../replay/replay-client';
import { OpenmediaWidget } from './openmedia-widget';
import { ReplayControls } from './replay-controls';

function loadShift(): Recording {
  const parsed = parseRecording(shiftJson);
  // The fixture is checked by src/replay/shift.test.ts; failing here means it was edited by hand.
  if (!parsed.ok) throw new Error(`The bundled shift recording is unreadable: ${parsed.message}`);
  return parsed.recording;
}

interface ShiftReplayProps {
  readonly speed: number;
  readonly autoplay: boolean;
  readonly theme: 'light' | 'dark';
}

/** A bundled twelve-minute shift played into the real widget; actions are refused (read-only). */
function ShiftReplay({ speed, autoplay, theme }: ShiftReplayProps) {
  // Restart remounts the provider, so the widget starts as empty as the recording does.
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState(() => createSession(speed, autoplay));
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <ReplayControls
        replay={session.replay}
        title={session.title}
        theme={theme}
        onRestart={() => {
          setSession(createSession(speed, false));
          setGeneration((g) => g + 1);
        }}
      />
      <OpenmediaProvider key={generation} channel={session.replay} gwsClient={session.client} queryClient={session.queryClient} lingerMs={120_000}>
        <OpenmediaWidget title="Replayed shift" theme={theme} showDiagnostics />
      </OpenmediaProvider>
    </div>
  );
}

function createSession(speed: number, autoplay: boolean) {
  const recording = loadShift();
  const replay = createReplayChannel(recording, { speed, autoplay });
  return { replay, client: createReplayClient(replay), queryClient: new QueryClient(), title: recording.title ?? 'Replay' };
}

const meta = {
  title: 'Replay/Shift',
  component: ShiftReplay,
  args: { speed: 10, autoplay: true, theme: 'light' },
  argTypes: { speed: { control: 'inline-radio', options: [1, 10] }, theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: { frameWidth: 640 },
} satisfies Meta<typeof ShiftReplay>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Plays at 10× from the start: offers arrive, get accepted, worked on and completed. */
export const PlayingAt10x: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('article', { name: 'Spring upgrade offer' }, { timeout: 3000 })).toBeVisible();
  },
};

/** Paused at the start: use Step to walk through the shift one message at a time. */
export const StepByStep: Story = {
  args: { autoplay: false, speed: 1 },
  play: async ({ canvasElement }) => {
    const controls = within(canvasElement).getByRole('group', { name: /morning/ });
    const step = within(controls).getByRole('button', { name: 'Step' });
    step.click();
    step.click();
    await waitFor(() => expect(within(controls).getByText(/^2 \/ \d+ events/)).toBeVisible());
  },
};

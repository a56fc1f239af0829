import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { CardRenderFailed } from './connected-interaction-card';
import { WidgetRenderFailed } from './openmedia-widget';
import './openmedia-widget.css';
import { makeEntry } from '../test-support/entries';

// What shows when the widget fails to draw (a bug that throws while rendering): in place of one
// card, the others untouched, or in place of the whole list, the connection still open.

interface Args {
  readonly onRetry: () => void;
}

const meta = {
  title: 'Widget/Drawing failures',
  parameters: { layout: 'padded' },
  args: { onRetry: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** One card could not be drawn: its subject, what happened, and Try again. */
export const CardCouldNotBeShown: Story = {
  render: (args) => (
    <div className="omw-root" style={{ maxWidth: 420 }}>
      <CardRenderFailed entry={makeEntry()} headingLevel={3} onRetry={args.onRetry} failure={{ afterRetry: false, again: false }} />
    </div>
  ),
  play: async ({ canvasElement, args }) => {
    const card = within(canvasElement).getByRole('article');
    await expect(card).toHaveTextContent('This interaction could not be shown.');
    await userEvent.click(within(card).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** The widget's frame could not be drawn: its title and an alert, with Try again. */
export const WidgetCouldNotBeShown: Story = {
  render: (args) => <WidgetRenderFailed title="My interactions" onRetry={args.onRetry} failure={{ afterRetry: false, again: false }} />,
  play: async ({ canvasElement }) => {
    const frame = within(canvasElement).getByRole('region', { name: 'My interactions' });
    await expect(within(frame).getByRole('alert')).toHaveTextContent('Your interactions could not be shown. The connection stays open.');
  },
};

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InteractionCard } from './interaction-card';
import { resetLazyPartsForTests } from './lazy-part';
import { partLoaders } from './lazy-parts';
import { makeEntry } from '../test-support/entries';
import type { TransferTarget } from './transfer-target';

// The dom test setup preloads every lazy part so other tests can open dialogs synchronously. Here
// each test starts with nothing loaded (resetLazyPartsForTests) and watches the downloads through
// spies on partLoaders, which call the real dynamic import unless a test says otherwise.

const TARGETS: TransferTarget[] = [{ name: 'Billing', uri: 'http://gws.example/api/v2/queues/billing', kind: 'queue' }];
const LOAD_FAILED = 'Could not load this form. Check the connection and try again.';
const CHUNK_ERROR = new TypeError('Failed to fetch dynamically imported module: /assets/transfer-dialog.js');

function spyLoaders() {
  return {
    transfer: vi.spyOn(partLoaders, 'transferDialog'),
    add: vi.spyOn(partLoaders, 'userDataAddForm'),
    edit: vi.spyOn(partLoaders, 'userDataValueForm'),
  };
}

function renderCard() {
  const onPerform = vi.fn();
  render(
    <InteractionCard
      entry={makeEntry({ capabilities: ['Transfer', 'AttachUserData', 'UpdateUserData', 'Complete'] })}
      transferTargets={TARGETS}
      onPerform={onPerform}
      onDismissError={() => {}}
    />,
  );
  return { onPerform };
}

/** A download the test finishes by hand: resolves with whatever the real import gives. */
function deferredLoad<T>(real: () => Promise<T>) {
  let finish: () => Promise<void> = () => Promise.resolve();
  const promise = new Promise<T>((resolve, reject) => {
    finish = () => real().then(resolve, reject);
  });
  return { promise, finish: () => act(finish) };
}

beforeEach(() => {
  resetLazyPartsForTests();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lazy parts: nothing loads until asked', () => {
  it('rendering a card downloads none of the dialog and forms', () => {
    const loaders = spyLoaders();
    renderCard();
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add data' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Subject' })).toBeInTheDocument();
    expect(loaders.transfer).not.toHaveBeenCalled();
    expect(loaders.add).not.toHaveBeenCalled();
    expect(loaders.edit).not.toHaveBeenCalled();
  });
});

describe('lazy parts: opening one that is not loaded yet', () => {
  it('a click on Transfer downloads the dialog, then shows it with focus on the filter; Escape gives focus back', async () => {
    const loaders = spyLoaders();
    const user = userEvent.setup();
    renderCard();
    const transfer = screen.getByRole('button', { name: 'Transfer' });
    // A bare click: no pointer-enter or focus first, so nothing was preloaded.
    fireEvent.click(transfer);
    expect(loaders.transfer).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog', { name: 'Transfer “Spring offer”' });
    expect(within(dialog).getByRole('searchbox', { name: 'Filter agents and queues' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(transfer).toHaveFocus();
    expect(loaders.add).not.toHaveBeenCalled();
  });

  it('Enter on a focused Transfer button opens the dialog even while its download is still running', async () => {
    const download = deferredLoad(partLoaders.transferDialog);
    const loaders = spyLoaders();
    loaders.transfer.mockReturnValueOnce(download.promise);
    const user = userEvent.setup();
    renderCard();
    const transfer = screen.getByRole('button', { name: 'Transfer' });
    act(() => transfer.focus());
    await user.keyboard('{Enter}');
    expect(loaders.transfer).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(transfer).toHaveFocus();
    await download.finish();
    const dialog = screen.getByRole('dialog', { name: 'Transfer “Spring offer”' });
    expect(within(dialog).getByRole('searchbox', { name: 'Filter agents and queues' })).toHaveFocus();
    expect(loaders.transfer).toHaveBeenCalledTimes(1);
  });

  it('a click on Add data downloads the form and focuses its Key field; Cancel gives focus back to Add data', async () => {
    const loaders = spyLoaders();
    const user = userEvent.setup();
    renderCard();
    const add = screen.getByRole('button', { name: 'Add data' });
    fireEvent.click(add);
    expect(loaders.add).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('form', { name: 'Add user data' })).not.toBeInTheDocument();
    const form = await screen.findByRole('form', { name: 'Add user data' });
    expect(within(form).getByRole('textbox', { name: 'Key' })).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Add user data' })).not.toBeInTheDocument();
    expect(add).toHaveFocus();
  });

  it('a click on Edit keeps the value in view while the editor downloads, then focuses the new value', async () => {
    const download = deferredLoad(partLoaders.userDataValueForm);
    const loaders = spyLoaders();
    loaders.edit.mockReturnValueOnce(download.promise);
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Subject' }));
    expect(loaders.edit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('textbox', { name: 'New value for Subject' })).not.toBeInTheDocument();
    expect(screen.getByText('Spring offer', { selector: '.omw-ud-text' })).toBeInTheDocument();
    await download.finish();
    expect(screen.getByRole('textbox', { name: 'New value for Subject' })).toHaveFocus();
    expect(screen.queryByText('Spring offer', { selector: '.omw-ud-text' })).not.toBeInTheDocument();
  });
});

describe('lazy parts: a download that fails', () => {
  it('shows an alert with Try again in place of the dialog; Try again downloads again and opens it', async () => {
    const loaders = spyLoaders();
    loaders.transfer.mockRejectedValueOnce(CHUNK_ERROR);
    const user = userEvent.setup();
    renderCard();
    const transfer = screen.getByRole('button', { name: 'Transfer' });
    fireEvent.click(transfer);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(LOAD_FAILED);
    const retry = within(alert).getByRole('button', { name: 'Try again' });
    expect(retry).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(retry);
    const dialog = await screen.findByRole('dialog', { name: 'Transfer “Spring offer”' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(loaders.transfer).toHaveBeenCalledTimes(2);
    expect(within(dialog).getByRole('searchbox', { name: 'Filter agents and queues' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(transfer).toHaveFocus();
  });

  it('keeps the alert, busy, while Try again downloads, and again if that fails too', async () => {
    const loaders = spyLoaders();
    loaders.add.mockRejectedValueOnce(CHUNK_ERROR);
    const user = userEvent.setup();
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Add data' }));
    const retry = within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' });

    let fail: (error: unknown) => void = () => {};
    loaders.add.mockReturnValueOnce(new Promise<Awaited<ReturnType<typeof partLoaders.userDataAddForm>>>((_resolve, reject) => (fail = reject)));
    await user.click(retry);
    expect(retry).toHaveAttribute('aria-busy', 'true');
    expect(retry).toHaveFocus();
    await act(async () => fail(CHUNK_ERROR));
    expect(screen.getByRole('alert')).toHaveTextContent(LOAD_FAILED);
    expect(retry).not.toHaveAttribute('aria-busy');
    expect(retry).toHaveFocus();

    await user.click(retry);
    expect(await screen.findByRole('textbox', { name: 'Key' })).toHaveFocus();
    expect(loaders.add).toHaveBeenCalledTimes(3);
  });

  it('Cancel in the alert closes the form as its own Cancel would, focus back on Add data', async () => {
    const loaders = spyLoaders();
    loaders.add.mockRejectedValueOnce(CHUNK_ERROR);
    const user = userEvent.setup();
    renderCard();
    const add = screen.getByRole('button', { name: 'Add data' });
    fireEvent.click(add);
    const alert = await screen.findByRole('alert');
    expect(add).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(alert).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(add).toHaveAttribute('aria-expanded', 'false');
    expect(add).toHaveFocus();
  });

  it("asks for the failed chunk afresh, under a new query each time: the browser keeps a failed import of a URL", async () => {
    const real = partLoaders.userDataValueForm;
    const loaders = spyLoaders();
    const chunk = 'http://127.0.0.1:5173/assets/user-data-value-form-Bx1.js';
    loaders.edit.mockRejectedValueOnce(new TypeError(`Failed to fetch dynamically imported module: ${chunk}`));
    // The first retry fails too, naming the URL it was given (as Chromium does).
    loaders.edit.mockImplementationOnce((fresh) => Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${fresh ?? ''}`)));
    loaders.edit.mockImplementationOnce(() => real());
    const user = userEvent.setup();
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Subject' }));
    const retry = within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' });
    await user.click(retry);
    await screen.findByText(LOAD_FAILED);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'New value for Subject' })).toHaveFocus();
    expect(loaders.edit.mock.calls).toEqual([[undefined], [`${chunk}?omw-retry=1`], [`${chunk}?omw-retry=2`]]);
  });

  it('a failed preload shows nothing; opening the part downloads it again', async () => {
    const loaders = spyLoaders();
    loaders.transfer.mockRejectedValueOnce(CHUNK_ERROR);
    renderCard();
    const transfer = screen.getByRole('button', { name: 'Transfer' });
    await act(async () => {
      fireEvent.pointerEnter(transfer);
    });
    expect(loaders.transfer).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(transfer);
    expect(await screen.findByRole('dialog', { name: 'Transfer “Spring offer”' })).toBeInTheDocument();
    expect(loaders.transfer).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('lazy parts: preloading from the opener', () => {
  it('pointer over Transfer downloads the dialog (once), so the click shows it at once', async () => {
    const loaders = spyLoaders();
    renderCard();
    const transfer = screen.getByRole('button', { name: 'Transfer' });
    await act(async () => {
      fireEvent.pointerEnter(transfer);
      fireEvent.pointerEnter(transfer);
      await loaders.transfer.mock.results[0]?.value;
    });
    expect(loaders.transfer).toHaveBeenCalledTimes(1);
    expect(loaders.add).not.toHaveBeenCalled();
    expect(loaders.edit).not.toHaveBeenCalled();
    fireEvent.click(transfer);
    // Synchronous: no download left to wait for.
    expect(screen.getByRole('dialog', { name: 'Transfer “Spring offer”' })).toBeInTheDocument();
    expect(loaders.transfer).toHaveBeenCalledTimes(1);
  });

  it('focus on Add data downloads the add form, so Enter shows it at once', async () => {
    const loaders = spyLoaders();
    const user = userEvent.setup();
    renderCard();
    const add = screen.getByRole('button', { name: 'Add data' });
    await act(async () => {
      add.focus();
      await loaders.add.mock.results[0]?.value;
    });
    expect(loaders.add).toHaveBeenCalledTimes(1);
    expect(loaders.transfer).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveFocus();
    expect(loaders.add).toHaveBeenCalledTimes(1);
  });

  it('pointer over or focus on Edit downloads the value editor', async () => {
    const loaders = spyLoaders();
    renderCard();
    const edit = screen.getByRole('button', { name: 'Edit Subject' });
    await act(async () => {
      fireEvent.pointerEnter(edit);
      edit.focus();
      await loaders.edit.mock.results[0]?.value;
    });
    expect(loaders.edit).toHaveBeenCalledTimes(1);
    expect(loaders.add).not.toHaveBeenCalled();
    fireEvent.click(edit);
    expect(screen.getByRole('textbox', { name: 'New value for Subject' })).toHaveFocus();
  });

  it('focus on the Edit button of a clamped long value downloads the value editor too', async () => {
    const loaders = spyLoaders();
    render(
      <InteractionCard
        entry={makeEntry({ capabilities: ['UpdateUserData'], userData: { Subject: 'Spring offer', Notes: 'x'.repeat(500) } })}
        onPerform={() => {}}
        onDismissError={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Show more of Notes' })).toBeInTheDocument();
    const edit = screen.getByRole('button', { name: 'Edit Notes' });
    await act(async () => {
      edit.focus();
      await loaders.edit.mock.results[0]?.value;
    });
    expect(loaders.edit).toHaveBeenCalledTimes(1);
    fireEvent.click(edit);
    expect(screen.getByRole('textbox', { name: 'New value for Notes' })).toHaveFocus();
  });
});

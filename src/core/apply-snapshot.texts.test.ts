import { describe, expect, it } from 'vitest';
import { OUTCOME_UNKNOWN_MESSAGE, applySnapshot } from './apply-snapshot';
import { run } from '../test-support/builders';

// The words a snapshot leaves where people read them: the card's alert and the diagnostics log.

describe('snapshot texts', () => {
  it('an outcome lost in a gap tells the agent what happened and what to do', () => {
    expect(OUTCOME_UNKNOWN_MESSAGE).toBe('Outcome unknown — the interaction was refreshed. Check it before trying again.');
  });

  it('the log line lists the media types read, comma-separated', () => {
    const state = applySnapshot(run([]), ['promotion', 'workitem'], [], 5000);
    expect(state.diagnostics.log.at(-1)?.detail).toBe('promotion, workitem: 0 listed, 0 new, 0 gone');
  });
});

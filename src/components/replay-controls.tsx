import { useId, useSyncExternalStore } from 'react';
import type { ReplayChannel } from '../replay/replay-channel';
import type { WidgetTheme } from './openmedia-widget-view';

export interface ReplayControlsProps {
  readonly replay: ReplayChannel;
  /** Speeds offered as toggle buttons. Default 1× and 10×. */
  readonly speeds?: readonly number[];
  /** Shown as the group's heading, e.g. the recording's title. Default "Replay". */
  readonly title?: string;
  readonly theme?: WidgetTheme;
  /** Called after Restart, e.g. to remount the widget with a clean state. */
  readonly onRestart?: () => void;
}

const DEFAULT_SPEEDS: readonly number[] = [1, 10];

/** `m:ss` of recording time. */
export function formatReplayTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Play, pause, step and pace a {@link ReplayChannel}; shows how far the replay has got. */
export function ReplayControls({ replay, speeds = DEFAULT_SPEEDS, title = 'Replay', theme, onRestart }: ReplayControlsProps) {
  const state = useSyncExternalStore(replay.subscribeReplay, replay.getReplayState, replay.getReplayState);
  const titleId = useId();
  const progressId = useId();
  const { playing, finished, position, total, elapsedMs, durationMs, speed } = state;

  return (
    <div
      className="omw-root omw-replay"
      data-theme={theme}
      role="group"
      aria-labelledby={titleId}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '10px 12px' }}
    >
      <strong id={titleId} style={{ marginRight: 'auto' }}>
        {title}
      </strong>
      <button
        type="button"
        className="omw-button omw-button--primary omw-button--small"
        onClick={() => (playing ? replay.pause() : replay.play())}
        disabled={finished}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="omw-button omw-button--secondary omw-button--small" onClick={() => replay.step()} disabled={finished}>
        Step
      </button>
      <span role="group" aria-label="Speed" style={{ display: 'inline-flex', gap: 4 }}>
        {speeds.map((s) => (
          <button
            key={s}
            type="button"
            className={`omw-button omw-button--small ${s === speed ? 'omw-button--primary' : 'omw-button--secondary'}`}
            aria-pressed={s === speed}
            onClick={() => replay.setSpeed(s)}
          >
            {s}×
          </button>
        ))}
      </span>
      <button
        type="button"
        className="omw-button omw-button--ghost omw-button--small"
        onClick={() => {
          replay.restart();
          onRestart?.();
        }}
        disabled={position === 0}
      >
        Restart
      </button>
      <label htmlFor={progressId} className="omw-visually-hidden">
        Events delivered
      </label>
      <progress id={progressId} max={Math.max(total, 1)} value={position} style={{ flex: '1 1 120px' }} />
      <output className="omw-mono omw-muted" aria-live="off">
        {position} / {total} events · {formatReplayTime(elapsedMs)} / {formatReplayTime(durationMs)}
        {finished ? ' · finished' : ''}
      </output>
    </div>
  );
}

import { useId } from 'react';
import type { TransferTarget } from './transfer-target';

export interface TransferTargetGroupProps {
  readonly legend: string;
  readonly targets: readonly TransferTarget[];
  /** Shared by both groups so agents and queues form one radio group. */
  readonly name: string;
  readonly selectedUri: string;
  readonly onPick: (target: TransferTarget) => void;
}

/** One kind of transfer target (agents or queues) as a list of radio options. */
export function TransferTargetGroup({ legend, targets, name, selectedUri, onPick }: TransferTargetGroupProps) {
  const baseId = useId();
  if (targets.length === 0) return null;
  return (
    <fieldset className="omw-targets">
      <legend className="omw-targets__legend">{legend}</legend>
      <ul className="omw-targets__list">
        {targets.map((target, index) => {
          const id = `${baseId}-${index}`;
          const checked = target.uri === selectedUri;
          return (
            <li key={`${target.kind}:${target.uri}`}>
              <label className={`omw-target${checked ? ' omw-target--checked' : ''}`} htmlFor={id}>
                <input
                  id={id}
                  className="omw-target__radio"
                  type="radio"
                  name={name}
                  value={target.uri}
                  checked={checked}
                  aria-labelledby={`${id}-name`}
                  aria-describedby={`${id}-uri`}
                  onChange={() => onPick(target)}
                />
                <span className={`omw-target__avatar omw-target__avatar--${target.kind}`} aria-hidden="true">
                  {initials(target.name)}
                </span>
                <span className="omw-target__text">
                  <span id={`${id}-name`} className="omw-target__name">
                    {target.name}
                  </span>
                  <span id={`${id}-uri`} className="omw-target__uri">
                    {target.uri}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => Array.from(p ?? '')[0]?.toUpperCase() ?? '').join('');
}

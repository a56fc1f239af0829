import { memo } from 'react';
import { formatReceived, isHttpUrl, toIso } from './format';
import { useMessages } from './messages-context';

export interface InteractionMetaProps {
  readonly id: string;
  readonly mediaType: string;
  readonly openmediaType: string | undefined;
  readonly receivedAt: number | undefined;
  readonly receivedDate: string | undefined;
  readonly uri: string | undefined;
  readonly locale?: string | undefined;
}

/**
 * Identity of the interaction: id, media type, direction, received date and resource URI.
 * Its props are the fields it shows, so a plain memo (one fiber, no compare function) skips the
 * notifications that change only user data or state, which are most of them.
 */
export const InteractionMeta = memo(function InteractionMeta({ id, mediaType, openmediaType, receivedAt, receivedDate, uri, locale }: InteractionMetaProps) {
  const messages = useMessages();
  const received = formatReceived({ receivedAt, receivedDate }, locale);
  return (
    <dl className="omw-meta">
      <div className="omw-meta__item">
        <dt>{messages.labelId}</dt>
        <dd className="omw-mono">{id}</dd>
      </div>
      <div className="omw-meta__item">
        <dt>{messages.labelMediaType}</dt>
        <dd>{mediaType}</dd>
      </div>
      <div className="omw-meta__item">
        <dt>{messages.labelDirection}</dt>
        <dd>{openmediaType ?? messages.notProvided}</dd>
      </div>
      <div className="omw-meta__item">
        <dt>{messages.labelReceived}</dt>
        <dd>
          {received !== undefined ? (
            // In the agent's locale, which may be written right to left (he-IL: "5 בדצמ׳ 2026, 14:29"):
            // its own direction, or an LTR card shuffles its parts.
            <time dateTime={toIso(receivedAt)} dir="auto">
              {received}
            </time>
          ) : (
            messages.notProvided
          )}
        </dd>
      </div>
      {uri !== undefined && uri !== '' ? (
        <div className="omw-meta__item omw-meta__item--wide">
          <dt>{messages.labelResource}</dt>
          <dd className="omw-mono">
            {isHttpUrl(uri) ? (
              <a className="omw-link" href={uri} target="_blank" rel="noopener noreferrer" title={uri}>
                <span className="omw-link__text">{uri}</span>
              </a>
            ) : (
              <span className="omw-uri-text" title={uri}>
                {uri}
              </span>
            )}
          </dd>
        </div>
      ) : null}
    </dl>
  );
});

import { memo } from 'react';
import type { OpenmediaInteraction } from '../protocol/types';
import { formatReceived, isHttpUrl, toIso } from './format';
import { useMessages } from './messages-context';

export interface InteractionMetaProps {
  readonly interaction: OpenmediaInteraction;
  readonly locale?: string | undefined;
}

// Most notifications change user data or state only; the fields shown here rarely change, so the
// meta block skips rendering unless one of them (or the locale) did.
function sameMeta(a: InteractionMetaProps, b: InteractionMetaProps): boolean {
  const x = a.interaction;
  const y = b.interaction;
  return (
    a.locale === b.locale &&
    x.id === y.id &&
    x.mediaType === y.mediaType &&
    x.openmediaType === y.openmediaType &&
    x.receivedAt === y.receivedAt &&
    x.receivedDate === y.receivedDate &&
    x.uri === y.uri
  );
}

/** Identity of the interaction: id, media type, direction, received date and resource URI. */
export const InteractionMeta = memo(function InteractionMeta({ interaction, locale }: InteractionMetaProps) {
  const messages = useMessages();
  const received = formatReceived(interaction, locale);
  const { uri } = interaction;
  return (
    <dl className="omw-meta">
      <div className="omw-meta__item">
        <dt>{messages.labelId}</dt>
        <dd className="omw-mono">{interaction.id}</dd>
      </div>
      <div className="omw-meta__item">
        <dt>{messages.labelMediaType}</dt>
        <dd>{interaction.mediaType}</dd>
      </div>
      <div className="omw-meta__item">
        <dt>{messages.labelDirection}</dt>
        <dd>{interaction.openmediaType ?? messages.notProvided}</dd>
      </div>
      <div className="omw-meta__item">
        <dt>{messages.labelReceived}</dt>
        <dd>
          {received !== undefined ? (
            <time dateTime={toIso(interaction.receivedAt)}>{received}</time>
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
}, sameMeta);

/**
 * Identities with their token history: tokens as decoded claims (scopes, issued, expires,
 * revision, revoked) — never a token — and the create / issue / revoke / delete steps from the
 * request log. Each identity has a "Revoke tokens" action.
 */
import { useState } from 'preact/hooks';
import type { ActionView, IdentityView, Section } from '../api-types.js';
import { ActionButton } from './action-form.js';
import { dateTime, shortId } from './format.js';
import type { ViewData } from './use-view.js';
import { Loaded, SectionBody } from './view-state.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <IdentitiesView data={data} revoke={action} filter="" onFilter={set} onShowRequests={show} />
 * ```
 */
export function IdentitiesView(props: {
  data: ViewData<Section<IdentityView>>;
  revoke: ActionView | undefined;
  filter: string;
  onFilter: (identity: string) => void;
  onShowRequests: (identity: string) => void;
}) {
  const [showDeleted, setShowDeleted] = useState(true);
  return (
    <section class="view" aria-labelledby="identities-title">
      <h2 id="identities-title">Identities</h2>
      <div class="filters">
        <label>
          Identity
          <input
            type="search"
            value={props.filter}
            placeholder="8:acs:…"
            onInput={(event) => props.onFilter(event.currentTarget.value)}
          />
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={showDeleted}
            onChange={(event) => setShowDeleted(event.currentTarget.checked)}
          />
          show deleted
        </label>
      </div>
      <Loaded data={props.data}>
        {(section) => (
          <SectionBody section={section} empty="No identity yet: create one with CommunicationIdentityClient.">
            {(identities) =>
              identities
                .filter((identity) => identity.id.includes(props.filter) && (showDeleted || !identity.deleted))
                .map((identity) => (
                  <IdentityCard
                    key={identity.id}
                    identity={identity}
                    revoke={props.revoke}
                    onShowRequests={props.onShowRequests}
                  />
                ))
            }
          </SectionBody>
        )}
      </Loaded>
    </section>
  );
}

function IdentityCard(props: {
  identity: IdentityView;
  revoke: ActionView | undefined;
  onShowRequests: (identity: string) => void;
}) {
  const { identity } = props;
  return (
    <article class={`card${identity.deleted ? ' deleted' : ''}`} aria-label={`Identity ${identity.id}`}>
      <header>
        <h3 class="mono" title={identity.id}>
          {identity.id}
        </h3>
        <span class="meta">
          {identity.deleted ? 'deleted · ' : ''}created {dateTime(identity.createdAt)}
        </span>
        <span class="actions">
          <button type="button" onClick={() => props.onShowRequests(identity.id)}>
            Show its requests
          </button>
          <ActionButton
            action={props.revoke}
            params={{ id: identity.id }}
            label="Revoke tokens"
            ariaLabel={`Revoke tokens of ${shortId(identity.id)}`}
          />
        </span>
      </header>
      {identity.tokens.length === 0 ? (
        <p class="hint">No token issued (in the request log).</p>
      ) : (
        <table>
          <caption>Tokens (decoded claims; the token itself is never shown)</caption>
          <thead>
            <tr>
              <th scope="col">issued</th>
              <th scope="col">expires</th>
              <th scope="col">scopes</th>
              <th scope="col">state</th>
              <th scope="col">issued by</th>
            </tr>
          </thead>
          <tbody>
            {identity.tokens.map((token, index) => (
              <tr key={index}>
                <td>{dateTime(token.issuedAt)}</td>
                <td>{dateTime(token.expiresAt)}</td>
                <td class="mono">{token.scopes.join(' ') || '—'}</td>
                <td class={token.revoked ? 'status-refused' : 'status-ok'}>{token.revoked ? 'revoked' : 'valid'}</td>
                <td>{token.via}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {identity.history.length === 0 ? null : (
        <ol class="history" aria-label="History">
          {identity.history.map((step, index) => (
            <li key={index}>
              <span class="mono">{dateTime(step.at)}</span> {step.kind}{' '}
              <span class={step.status >= 400 ? 'status-refused' : 'status-ok'}>{step.status}</span>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

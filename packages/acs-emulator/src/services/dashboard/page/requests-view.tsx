/**
 * The request log: every request the emulator answered, newest first, filterable by status,
 * caller identity and text; the selected entry shows why it was refused and, for an HMAC
 * refusal, what the emulator computed beside what it received.
 */
import { useMemo, useState } from 'preact/hooks';
import type { HmacDiagnosisView, RequestLogEntryView } from '../api-types.js';
import { matches, type StatusFilter } from './filters.js';
import { clock, shortId, statusClass } from './format.js';
import { VirtualList } from './virtual-list.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <RequestsView entries={live.entries} identity={identityFilter} onIdentity={setIdentityFilter} />
 * ```
 */
export function RequestsView(props: {
  entries: readonly RequestLogEntryView[];
  identity: string;
  onIdentity: (identity: string) => void;
}) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const [own, setOwn] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const { entries, identity } = props;

  const shown = useMemo(() => {
    const out: RequestLogEntryView[] = [];
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = entries[index] as RequestLogEntryView;
      if (matches(entry, { status, identity, text, own })) out.push(entry);
    }
    return out;
  }, [entries, status, identity, text, own]);
  const selected = selectedId === null ? undefined : entries.find((entry) => entry.id === selectedId);

  return (
    <section class="view requests" aria-labelledby="requests-title">
      <h2 id="requests-title">Request log</h2>
      <div class="filters">
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as StatusFilter)}>
            <option value="all">all</option>
            <option value="ok">2xx/3xx</option>
            <option value="refused">4xx refused</option>
            <option value="failed">5xx failed</option>
          </select>
        </label>
        <label>
          Caller identity
          <input
            type="search"
            value={identity}
            placeholder="8:acs:…"
            onInput={(event) => props.onIdentity(event.currentTarget.value)}
          />
        </label>
        <label>
          Text
          <input
            type="search"
            value={text}
            placeholder="route, target, reason"
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <label class="inline">
          <input type="checkbox" checked={own} onChange={(event) => setOwn(event.currentTarget.checked)} />
          the dashboard's own requests
        </label>
        <span class="count" aria-live="polite">
          {shown.length.toLocaleString('en-US')} of {entries.length.toLocaleString('en-US')}
        </span>
      </div>
      <div class="split">
        <div class="log-header" aria-hidden="true">
          <span class="c-time">time</span>
          <span class="c-method">method</span>
          <span class="c-status">status</span>
          <span class="c-route">route</span>
          <span class="c-caller">caller</span>
          <span class="c-reason">reason</span>
        </div>
        <VirtualListOfEntries shown={shown} selectedId={selectedId} onSelect={setSelectedId} />
        <EntryDetail entry={selected} />
      </div>
    </section>
  );
}

function VirtualListOfEntries(props: {
  shown: readonly RequestLogEntryView[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  return (
    <VirtualList
      items={props.shown}
      rowHeightInPx={28}
      label="Requests, newest first"
      itemId={(entry) => `request-${entry.id}`}
      selectedId={props.selectedId === null ? null : `request-${props.selectedId}`}
      onSelect={(entry) => props.onSelect(entry.id)}
      empty="No request matches (yet)."
      renderRow={(entry) => (
        <>
          <span class="c-time">{clock(entry.timestamp)}</span>
          <span class="c-method">{entry.method}</span>
          <span class={`c-status status-${statusClass(entry.status)}`}>{entry.status}</span>
          <span class="c-route" title={entry.target}>
            {entry.route ?? entry.target}
          </span>
          <span class="c-caller" title={entry.caller.identityId ?? entry.caller.kind}>
            {entry.caller.identityId === undefined
              ? entry.caller.kind
              : `${entry.caller.kind} ${shortId(entry.caller.identityId)}`}
          </span>
          <span class="c-reason" title={entry.reason ?? ''}>
            {entry.reason ?? ''}
          </span>
        </>
      )}
    />
  );
}

function EntryDetail(props: { entry: RequestLogEntryView | undefined }) {
  const { entry } = props;
  if (entry === undefined) {
    return (
      <aside class="detail" aria-label="Request detail">
        <p class="hint">Select a request (click, or focus the list and use the arrow keys and Enter).</p>
      </aside>
    );
  }
  return (
    <aside class="detail" aria-label="Request detail">
      <h3>
        {entry.method} <span class={`status-${statusClass(entry.status)}`}>{entry.status}</span>
      </h3>
      <dl>
        <dt>target</dt>
        <dd class="mono">{entry.target}</dd>
        <dt>route</dt>
        <dd class="mono">{entry.route ?? '(no route)'}</dd>
        <dt>service</dt>
        <dd>{entry.service ?? '—'}</dd>
        <dt>caller</dt>
        <dd class="mono">
          {entry.caller.kind}
          {entry.caller.identityId === undefined ? '' : ` ${entry.caller.identityId}`}
        </dd>
        <dt>time</dt>
        <dd>
          {entry.timestamp} ({entry.durationInMs.toFixed(1)} ms)
        </dd>
        <dt>outcome</dt>
        <dd>{entry.outcome}</dd>
        {entry.reason === null ? null : (
          <>
            <dt>reason</dt>
            <dd class="reason">{entry.reason}</dd>
          </>
        )}
      </dl>
      {entry.hmac === null ? null : <HmacDiagnosis hmac={entry.hmac} />}
    </aside>
  );
}

function HmacDiagnosis(props: { hmac: HmacDiagnosisView }) {
  const { hmac } = props;
  const receivedHash = hmac.received['x-ms-content-sha256'] ?? null;
  return (
    <div class="hmac">
      <h4>HMAC: what the emulator computed</h4>
      <p class="hint">
        Sign exactly this string (method, path and query, then the x-ms-date, host and content-hash values, joined by
        newlines) with your access key. The key and any valid signature are never shown.
      </p>
      <p class="label">String to sign</p>
      <pre class="string-to-sign">
        {hmac.stringToSign ?? '(not computed: the Authorization or x-ms-date header was unusable, see the reason)'}
      </pre>
      <table class="compare">
        <caption>Content hash</caption>
        <tbody>
          <tr>
            <th scope="row">computed from the body</th>
            <td class="mono">{hmac.computedContentHash ?? '(not computed)'}</td>
          </tr>
          <tr class={receivedHash === hmac.computedContentHash ? 'same' : 'differs'}>
            <th scope="row">x-ms-content-sha256 received</th>
            <td class="mono">{receivedHash ?? '(missing)'}</td>
          </tr>
        </tbody>
      </table>
      <table class="compare">
        <caption>Headers received</caption>
        <tbody>
          {Object.entries(hmac.received).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td class="mono">{value ?? '(missing)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

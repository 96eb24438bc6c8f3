/**
 * The dashboard's shell: header (endpoint, live status), the view navigation (links, so the
 * browser's own keyboard handling and history work; the view is in the URL hash), and the view.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  ActionName,
  CallView,
  ChatThreadView,
  DeliveryView,
  IdentityView,
  OutboxView,
  OverviewView,
  RoomView,
  Section,
} from '../api-types.js';
import { getJson } from './api.js';
import { CallsView } from './calls-view.js';
import { ChatView } from './chat-view.js';
import { DeliveriesView } from './deliveries-view.js';
import { IdentitiesView } from './identities-view.js';
import { type LiveFeed, useLive } from './live.js';
import { OutboxPanel } from './outbox-view.js';
import { RequestsView } from './requests-view.js';
import { RoomsView } from './rooms-view.js';
import { useView } from './use-view.js';

const VIEWS = [
  ['requests', 'Requests'],
  ['identities', 'Identities'],
  ['chat', 'Chat'],
  ['outbox', 'Outbox'],
  ['rooms', 'Rooms'],
  ['calls', 'Calls'],
  ['deliveries', 'Deliveries'],
] as const;
type PageView = (typeof VIEWS)[number][0];

function fromHash(): PageView {
  const name = location.hash.replace(/^#/, '');
  return VIEWS.some(([view]) => view === name) ? (name as PageView) : 'requests';
}

/**
 * The page.
 *
 * @example
 * ```tsx
 * render(<App feed={feed} />, document.getElementById('app')!);
 * ```
 */
export function App(props: { feed: LiveFeed }) {
  const live = useLive(props.feed);
  const [view, setView] = useState<PageView>(fromHash);
  const [identity, setIdentity] = useState('');
  const [overview, setOverview] = useState<OverviewView | null>(null);

  useEffect(() => {
    const onHash = () => setView(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    getJson<OverviewView>('overview').then(setOverview, () => setOverview(null));
  }, []);

  const action = (name: ActionName) => overview?.actions.find((candidate) => candidate.name === name);
  const showRequests = (id: string) => {
    setIdentity(id);
    location.hash = '#requests';
  };

  return (
    <>
      <header class="top">
        <h1>acs-emulator</h1>
        <span class="mono endpoint">{overview?.endpoint ?? ''}</span>
        <span class={`live ${live.connected ? 'on' : 'off'}`} role="status">
          {live.connected ? 'live' : 'reconnecting…'}
        </span>
      </header>
      <nav aria-label="Views">
        <ul>
          {VIEWS.map(([name, label]) => (
            <li key={name}>
              <a href={`#${name}`} aria-current={view === name ? 'page' : undefined}>
                {label}
                {name === 'requests' ? <span class="badge">{live.entries.length.toLocaleString('en-US')}</span> : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {view === 'requests' ? (
          <RequestsView entries={live.entries} identity={identity} onIdentity={setIdentity} />
        ) : null}
        {view === 'identities' ? (
          <Identities
            version={live.changes.identities}
            identity={identity}
            onIdentity={setIdentity}
            revoke={action('revokeTokens')}
            onShowRequests={showRequests}
          />
        ) : null}
        {view === 'chat' ? <Chat version={live.changes.chat} identity={identity} onIdentity={setIdentity} /> : null}
        {view === 'outbox' ? <Outbox version={live.changes.outbox} inject={action('smsInbound')} /> : null}
        {view === 'rooms' ? <Rooms version={live.changes.rooms} /> : null}
        {view === 'calls' ? (
          <Calls version={live.changes.calls} incoming={action('incomingCall')} recognize={action('recognize')} />
        ) : null}
        {view === 'deliveries' ? (
          <Deliveries version={live.changes.deliveries} replay={action('replayDelivery')} />
        ) : null}
      </main>
    </>
  );
}

type Action = OverviewView['actions'][number] | undefined;

function Identities(props: {
  version: number;
  identity: string;
  onIdentity: (identity: string) => void;
  revoke: Action;
  onShowRequests: (identity: string) => void;
}) {
  const data = useView<Section<IdentityView>>('identities', props.version);
  return (
    <IdentitiesView
      data={data}
      revoke={props.revoke}
      filter={props.identity}
      onFilter={props.onIdentity}
      onShowRequests={props.onShowRequests}
    />
  );
}

function Chat(props: { version: number; identity: string; onIdentity: (identity: string) => void }) {
  const data = useView<Section<ChatThreadView>>('chat', props.version);
  return <ChatView data={data} identity={props.identity} onIdentity={props.onIdentity} />;
}

function Outbox(props: { version: number; inject: Action }) {
  const data = useView<OutboxView>('outbox', props.version);
  return <OutboxPanel data={data} inject={props.inject} />;
}

function Rooms(props: { version: number }) {
  return <RoomsView data={useView<Section<RoomView>>('rooms', props.version)} />;
}

function Calls(props: { version: number; incoming: Action; recognize: Action }) {
  const data = useView<Section<CallView>>('calls', props.version);
  return <CallsView data={data} incoming={props.incoming} recognize={props.recognize} />;
}

function Deliveries(props: { version: number; replay: Action }) {
  const data = useView<Section<DeliveryView>>('deliveries', props.version);
  return <DeliveriesView data={data} replay={props.replay} />;
}

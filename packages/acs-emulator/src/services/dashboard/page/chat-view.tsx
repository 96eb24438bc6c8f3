/**
 * Chat threads: pick a thread (or narrow the list to the threads an identity takes part in), see
 * its participants and its messages in order.
 */
import { useState } from 'preact/hooks';
import type { ChatThreadView, Section } from '../api-types.js';
import { clock, dateTime, shortId } from './format.js';
import type { ViewData } from './use-view.js';
import { Loaded, SectionBody } from './view-state.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <ChatView data={data} identity="" onIdentity={set} />
 * ```
 */
export function ChatView(props: {
  data: ViewData<Section<ChatThreadView>>;
  identity: string;
  onIdentity: (identity: string) => void;
}) {
  const [threadId, setThreadId] = useState<string>('');
  return (
    <section class="view" aria-labelledby="chat-title">
      <h2 id="chat-title">Chat threads</h2>
      <Loaded data={props.data}>
        {(section) => (
          <SectionBody section={section} empty="No chat thread yet: create one with ChatClient.createChatThread.">
            {(all) => {
              const threads = all.filter(
                (thread) =>
                  props.identity === '' ||
                  thread.participants.some((participant) => participant.id.includes(props.identity)),
              );
              const current = threads.find((thread) => thread.id === threadId) ?? threads[threads.length - 1];
              return (
                <>
                  <div class="filters">
                    <label>
                      Thread
                      <select value={current?.id ?? ''} onChange={(event) => setThreadId(event.currentTarget.value)}>
                        {threads.map((thread) => (
                          <option key={thread.id} value={thread.id}>
                            {thread.topic || '(no topic)'} — {thread.id}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      Participant identity
                      <input
                        type="search"
                        value={props.identity}
                        placeholder="8:acs:…"
                        onInput={(event) => props.onIdentity(event.currentTarget.value)}
                      />
                    </label>
                    <span class="count">
                      {threads.length} of {all.length} threads
                    </span>
                  </div>
                  {current === undefined ? <p class="hint">No thread matches.</p> : <Thread thread={current} />}
                </>
              );
            }}
          </SectionBody>
        )}
      </Loaded>
    </section>
  );
}

function Thread(props: { thread: ChatThreadView }) {
  const { thread } = props;
  return (
    <div class="thread">
      <article class="card" aria-label="Thread">
        <header>
          <h3>{thread.topic || '(no topic)'}</h3>
          <span class="meta mono">{thread.id}</span>
          <span class="meta">
            created {dateTime(thread.createdAt)}
            {thread.createdBy === null ? '' : ` by ${shortId(thread.createdBy)}`}
            {thread.deletedAt === null ? '' : ` · deleted ${dateTime(thread.deletedAt)}`}
          </span>
        </header>
        <h4>Participants ({thread.participants.length})</h4>
        <ul class="participants">
          {thread.participants.map((participant) => (
            <li key={participant.id}>
              <strong>{participant.displayName ?? '(no name)'}</strong>{' '}
              <span class="mono" title={participant.id}>
                {shortId(participant.id)}
              </span>
              {participant.shareHistoryTime === null ? '' : ` · history from ${dateTime(participant.shareHistoryTime)}`}
            </li>
          ))}
        </ul>
        <h4>Messages ({thread.messages.length})</h4>
        {thread.messages.length === 0 ? (
          <p class="hint">No message yet.</p>
        ) : (
          <ol class="messages">
            {thread.messages.map((message) => (
              <li
                key={message.id}
                class={`message type-${message.type}${message.deletedAt === null ? '' : ' deleted'}`}
              >
                <span class="time">{clock(message.createdAt)}</span>{' '}
                <strong>
                  {message.senderDisplayName ?? (message.senderId === null ? 'system' : shortId(message.senderId))}
                </strong>
                {message.type === 'text' || message.type === 'html' ? '' : <span class="badge">{message.type}</span>}{' '}
                <span class="content">{message.deletedAt === null ? message.content : '(deleted)'}</span>
                {message.editedAt === null ? '' : <span class="badge">edited</span>}
              </li>
            ))}
          </ol>
        )}
      </article>
    </div>
  );
}

/**
 * The outbox: every SMS (sent, and injected inbound), email and advanced message. An email's html
 * is shown in a sandboxed frame (no scripts, no same-origin, and served with its own CSP that
 * blocks every load), its attachments download; an inbound SMS can be injected.
 */
import { useState } from 'preact/hooks';
import type { ActionView, EmailView, OutboxView } from '../api-types.js';
import { ActionForm } from './action-form.js';
import { API } from './api.js';
import { clock, dateTime } from './format.js';
import type { ViewData } from './use-view.js';
import { Loaded, SectionBody } from './view-state.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <OutboxPanel data={data} inject={action} />
 * ```
 */
export function OutboxPanel(props: { data: ViewData<OutboxView>; inject: ActionView | undefined }) {
  return (
    <section class="view" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      <Loaded data={props.data}>
        {(outbox) => (
          <>
            <h3>SMS</h3>
            <ActionForm
              action={props.inject}
              title="Inject an inbound SMS"
              fields={[
                { name: 'from', label: 'From', initial: '+14255550123', required: true },
                { name: 'to', label: 'To (an emulator number)', initial: '+18005550100', required: true },
                { name: 'message', label: 'Message', initial: 'Hello from the dashboard', required: true },
              ]}
              body={(values) => ({ from: values.from, to: values.to, message: values.message })}
              submitLabel="Inject SMS"
            />
            <SectionBody section={outbox.sms} empty="No SMS yet: send one with SmsClient.send.">
              {(messages) => (
                <table>
                  <caption>SMS, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">time</th>
                      <th scope="col">direction</th>
                      <th scope="col">from</th>
                      <th scope="col">to</th>
                      <th scope="col">message</th>
                      <th scope="col">status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {messages.map((sms) => (
                      <tr key={sms.id}>
                        <td>{clock(sms.at)}</td>
                        <td>{sms.direction}</td>
                        <td class="mono">{sms.from ?? '—'}</td>
                        <td class="mono">{sms.to ?? '—'}</td>
                        <td class="text">{sms.message}</td>
                        <td>{sms.status ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </SectionBody>
            <h3>Email</h3>
            <SectionBody section={outbox.email} empty="No email yet: send one with EmailClient.beginSend.">
              {(emails) => <Emails emails={emails} />}
            </SectionBody>
            <h3>Advanced messages</h3>
            <SectionBody
              section={outbox.messages}
              empty="No advanced message yet: send one with the Messages client (notificationMessages)."
            >
              {(messages) => (
                <table>
                  <caption>Advanced messages, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">time</th>
                      <th scope="col">channel</th>
                      <th scope="col">to</th>
                      <th scope="col">kind</th>
                      <th scope="col">content</th>
                      <th scope="col">status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {messages.map((message) => (
                      <tr key={message.id}>
                        <td>{clock(message.at)}</td>
                        <td class="mono">{message.channelId ?? '—'}</td>
                        <td class="mono">{message.to.join(', ')}</td>
                        <td>{message.kind}</td>
                        <td class="text">{message.summary}</td>
                        <td>{message.status ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </SectionBody>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Emails(props: { emails: readonly EmailView[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const open = props.emails.find((email) => email.id === openId) ?? props.emails[props.emails.length - 1];
  return (
    <div class="emails">
      <ul class="email-list" aria-label="Emails">
        {props.emails.map((email) => (
          <li key={email.id}>
            <button type="button" aria-pressed={email === open} onClick={() => setOpenId(email.id)}>
              <span class="time">{clock(email.at)}</span> {email.subject || '(no subject)'} → {email.to.join(', ')}
            </button>
          </li>
        ))}
      </ul>
      {open === undefined ? null : <Email email={open} />}
    </div>
  );
}

function Email(props: { email: EmailView }) {
  const { email } = props;
  const base = `${API}outbox/email/${encodeURIComponent(email.id)}`;
  return (
    <article class="card email" aria-label={`Email ${email.subject}`}>
      <header>
        <h4>{email.subject || '(no subject)'}</h4>
        <span class="meta">
          {dateTime(email.at)} · {email.status ?? '—'}
        </span>
      </header>
      <dl>
        <dt>from</dt>
        <dd class="mono">{email.sender ?? '—'}</dd>
        <dt>to</dt>
        <dd class="mono">{email.to.join(', ') || '—'}</dd>
        {email.cc.length === 0 ? null : (
          <>
            <dt>cc</dt>
            <dd class="mono">{email.cc.join(', ')}</dd>
          </>
        )}
        {email.bcc.length === 0 ? null : (
          <>
            <dt>bcc</dt>
            <dd class="mono">{email.bcc.join(', ')}</dd>
          </>
        )}
      </dl>
      {email.hasHtml ? (
        <iframe
          class="email-html"
          title={`HTML body of ${email.subject || 'the email'}`}
          sandbox=""
          referrerpolicy="no-referrer"
          src={`${base}/html`}
        />
      ) : null}
      {email.plainText === null ? null : (
        <details open={!email.hasHtml}>
          <summary>Plain text</summary>
          <pre>{email.plainText}</pre>
        </details>
      )}
      {email.attachments.length === 0 ? null : (
        <ul class="attachments" aria-label="Attachments">
          {email.attachments.map((attachment) => (
            <li key={attachment.index}>
              <a href={`${base}/attachments/${attachment.index}`} download={attachment.name}>
                {attachment.name}
              </a>{' '}
              <span class="meta">
                {attachment.contentType}, {attachment.sizeInBytes.toLocaleString('en-US')} bytes
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

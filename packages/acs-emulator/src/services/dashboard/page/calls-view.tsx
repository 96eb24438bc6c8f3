/**
 * Calls with their event timeline; raise an incoming call, supply recognize input (DTMF tones or
 * speech text) to a call that is recognizing.
 */
import type { ActionView, CallView, Section } from '../api-types.js';
import { ActionForm } from './action-form.js';
import { clock, dateTime } from './format.js';
import type { ViewData } from './use-view.js';
import { Loaded, SectionBody } from './view-state.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <CallsView data={data} incoming={incomingAction} recognize={recognizeAction} />
 * ```
 */
export function CallsView(props: {
  data: ViewData<Section<CallView>>;
  incoming: ActionView | undefined;
  recognize: ActionView | undefined;
}) {
  return (
    <section class="view" aria-labelledby="calls-title">
      <h2 id="calls-title">Calls</h2>
      <ActionForm
        action={props.incoming}
        title="Raise an incoming call"
        fields={[
          { name: 'from', label: 'From (raw id)', initial: '4:+14255550123', required: true },
          {
            name: 'to',
            label: 'To (4:+number of this resource, or 8:acs: id)',
            initial: '4:+18005550100',
            required: true,
          },
        ]}
        body={(values) => ({ from: values.from, to: values.to })}
        submitLabel="Ring"
      />
      <Loaded data={props.data}>
        {(section) => (
          <SectionBody section={section} empty="No call yet: place one with CallAutomationClient.createCall.">
            {(calls) => calls.map((call) => <Call key={call.id} call={call} recognize={props.recognize} />)}
          </SectionBody>
        )}
      </Loaded>
    </section>
  );
}

function Call(props: { call: CallView; recognize: ActionView | undefined }) {
  const { call } = props;
  return (
    <article class="card" aria-label={`Call ${call.id}`}>
      <header>
        <h3 class="mono">{call.id}</h3>
        <span class="meta">
          {call.direction ?? ''} · {call.state ?? '—'} · {dateTime(call.createdAt)}
        </span>
      </header>
      <dl>
        <dt>source</dt>
        <dd class="mono">{call.source ?? '—'}</dd>
        <dt>targets</dt>
        <dd class="mono">{call.targets.join(', ') || '—'}</dd>
        <dt>callback</dt>
        <dd class="mono">{call.callbackUri ?? '—'}</dd>
      </dl>
      <h4>Timeline</h4>
      {call.events.length === 0 ? (
        <p class="hint">No event yet.</p>
      ) : (
        <ol class="timeline">
          {call.events.map((event, index) => (
            <li key={index}>
              <span class="time">{clock(event.at)}</span> <span class="mono">{event.type}</span>
              {event.detail === null ? '' : ` — ${event.detail}`}
            </li>
          ))}
        </ol>
      )}
      {/* A raised incoming call is not a call connection yet: nothing to recognize until it is answered. */}
      {call.callbackUri === null ? null : (
        <ActionForm
          action={props.recognize}
          title="Supply recognize input"
          params={{ id: call.id }}
          fields={[
            { name: 'tones', label: 'DTMF tones', placeholder: '12#' },
            { name: 'speech', label: 'or speech text', placeholder: 'yes' },
          ]}
          body={(values) =>
            values.tones?.trim() ? { tones: values.tones.replace(/[\s,]+/g, '') } : { speech: values.speech ?? '' }
          }
          submitLabel="Send input"
        />
      )}
    </article>
  );
}

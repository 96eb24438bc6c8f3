/**
 * Outbound deliveries (events to subscriptions, callbacks to calls): status, attempts, last
 * error; a failed one can be replayed.
 */
import { useState } from 'preact/hooks';
import type { ActionView, DeliveryView, Section } from '../api-types.js';
import { ActionButton } from './action-form.js';
import { clock } from './format.js';
import type { ViewData } from './use-view.js';
import { Loaded, SectionBody } from './view-state.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <DeliveriesView data={data} replay={action} />
 * ```
 */
export function DeliveriesView(props: { data: ViewData<Section<DeliveryView>>; replay: ActionView | undefined }) {
  const [status, setStatus] = useState('all');
  return (
    <section class="view" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Event deliveries</h2>
      <Loaded data={props.data}>
        {(section) => (
          <SectionBody
            section={section}
            empty="No delivery yet: events go to --event-subscription URLs, callbacks to a call's callbackUri."
          >
            {(deliveries) => {
              const statuses = [...new Set(deliveries.map((delivery) => delivery.status))];
              const shown = deliveries.filter((delivery) => status === 'all' || delivery.status === status);
              return (
                <>
                  <div class="filters">
                    <label>
                      Status
                      <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
                        <option value="all">all</option>
                        {statuses.map((name) => (
                          <option key={name} value={name}>
                            {name}
                          </option>
                        ))}
                      </select>
                    </label>
                    <span class="count">
                      {shown.length} of {deliveries.length}
                    </span>
                  </div>
                  <table>
                    <caption>Deliveries, oldest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">time</th>
                        <th scope="col">what</th>
                        <th scope="col">to</th>
                        <th scope="col">status</th>
                        <th scope="col">attempts</th>
                        <th scope="col">last answer</th>
                        <th scope="col">action</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((delivery) => (
                        <Row key={delivery.id} delivery={delivery} replay={props.replay} />
                      ))}
                    </tbody>
                  </table>
                </>
              );
            }}
          </SectionBody>
        )}
      </Loaded>
    </section>
  );
}

function Row(props: { delivery: DeliveryView; replay: ActionView | undefined }) {
  const { delivery } = props;
  const failed = delivery.status === 'dead' || delivery.status === 'failed';
  return (
    <tr>
      <td>{clock(delivery.createdAt)}</td>
      <td class="mono">{delivery.label}</td>
      <td class="mono">{delivery.url}</td>
      <td class={failed ? 'status-failed' : delivery.status === 'delivered' ? 'status-ok' : ''}>{delivery.status}</td>
      <td>{delivery.attempts}</td>
      <td>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</td>
      <td>
        {failed ? (
          <ActionButton
            action={props.replay}
            params={{ id: delivery.id }}
            label="Replay"
            ariaLabel={`Replay delivery ${delivery.label} to ${delivery.url}`}
          />
        ) : null}
      </td>
    </tr>
  );
}

/**
 * Rooms with their validity window and participants.
 */
import type { RoomView, Section } from '../api-types.js';
import { dateTime, shortId } from './format.js';
import type { ViewData } from './use-view.js';
import { Loaded, SectionBody } from './view-state.js';

/**
 * The view.
 *
 * @example
 * ```tsx
 * <RoomsView data={data} />
 * ```
 */
export function RoomsView(props: { data: ViewData<Section<RoomView>> }) {
  return (
    <section class="view" aria-labelledby="rooms-title">
      <h2 id="rooms-title">Rooms</h2>
      <Loaded data={props.data}>
        {(section) => (
          <SectionBody section={section} empty="No room yet: create one with RoomsClient.createRoom.">
            {(rooms) => (
              <table>
                <caption>Rooms</caption>
                <thead>
                  <tr>
                    <th scope="col">room</th>
                    <th scope="col">created</th>
                    <th scope="col">valid from</th>
                    <th scope="col">valid until</th>
                    <th scope="col">PSTN dial-out</th>
                    <th scope="col">participants</th>
                  </tr>
                </thead>
                <tbody>
                  {rooms.map((room) => (
                    <tr key={room.id}>
                      <td class="mono">{room.id}</td>
                      <td>{dateTime(room.createdAt)}</td>
                      <td>{dateTime(room.validFrom)}</td>
                      <td>{dateTime(room.validUntil)}</td>
                      <td>{room.pstnDialOutEnabled === null ? '—' : room.pstnDialOutEnabled ? 'yes' : 'no'}</td>
                      <td>
                        <ul class="plain">
                          {room.participants.map((participant) => (
                            <li key={participant.id}>
                              <span class="mono" title={participant.id}>
                                {shortId(participant.id)}
                              </span>{' '}
                              {participant.role ?? ''}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </SectionBody>
        )}
      </Loaded>
    </section>
  );
}

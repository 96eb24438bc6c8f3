import { badRequest } from '../../host/errors.js';
import { page } from '../../host/paging.js';
import { defineRoute, reply } from '../../host/service.js';
import { SAMPLE_TEMPLATES, templateItem } from './templates.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /messages/channels/{channelId}/templates` (TemplateOperations_ListTemplates): the channel's
 * approved templates (Meta's samples), paged by `maxpagesize`.
 *
 * @example
 * ```ts
 * const templates = paginate(client, await client.path('/messages/channels/{channelId}/templates', channelId).get());
 * ```
 */
export const listTemplates = defineRoute({
  method: 'GET',
  path: '/messages/channels/{channelId}/templates',
  auth: ['hmac', 'entraAdmin'],
  handle(request, ctx) {
    const channel = request.params.channelId ?? '';
    if (!UUID.test(channel))
      throw badRequest('InvalidRequest', 'channelId must be the uuid of a channel registration.', 'channelId');
    const known = ctx.options.whatsappChannels;
    if (known.length > 0 && !known.some((id) => id.toLowerCase() === channel.toLowerCase())) {
      throw badRequest(
        'ChannelNotFound',
        `The channel registration ${channel} is not connected to this resource.`,
        'channelId',
      );
    }
    return reply(
      200,
      page(SAMPLE_TEMPLATES.map(templateItem), request, ctx, {
        defaultPageSize: 100,
        pageSizeParameter: 'maxpagesize',
      }),
    );
  },
});

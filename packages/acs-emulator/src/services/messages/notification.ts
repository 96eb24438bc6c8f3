import { SAMPLE_TEMPLATES, type TemplateDefinition } from './templates.js';

/**
 * `POST /messages/notifications:send` (communicationservicesmessages.json, 2024-08-30): the checks
 * by `kind` (text, image, image_v0, document, video, audio, template) and, for a template, that it
 * exists on the channel and that its values and bindings fit it, as WhatsApp checks them.
 */

/** The kinds of 2024-08-30. */
export const NOTIFICATION_KINDS = ['text', 'image', 'image_v0', 'document', 'video', 'audio', 'template'] as const;

/** A notification kind. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What an emulator user reads about a problem. */
export interface MessagesProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/** A checked notification: the request plus, for text and templates, the text a user would read. */
export interface CheckedNotification {
  readonly channelRegistrationId: string;
  readonly to: readonly string[];
  readonly kind: NotificationKind;
  /** The request body as sent. */
  readonly content: Readonly<Record<string, unknown>>;
  /** Text content, media caption, or the template's body with its parameters filled in. */
  readonly renderedText?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHATSAPP_NUMBER = /^\+?[1-9]\d{6,14}$/;
const VALUE_KINDS = ['text', 'image', 'document', 'video', 'location', 'quickAction'] as const;

const bad = (code: string, message: string, target?: string): { problem: MessagesProblem } => ({
  problem: { status: 400, code, message, ...(target === undefined ? {} : { target }) },
});

/**
 * Checks a notification body.
 *
 * @example
 * ```ts
 * checkNotification({ channelRegistrationId: id, to: ['14255550123'], kind: 'text', content: 'Hi' }, { channels: [] });
 * // { notification: { …, renderedText: 'Hi' } }
 * ```
 */
export function checkNotification(
  body: Readonly<Record<string, unknown>>,
  env: { readonly channels: readonly string[]; readonly templates?: readonly TemplateDefinition[] },
): { notification: CheckedNotification } | { problem: MessagesProblem } {
  const channel = body.channelRegistrationId;
  if (typeof channel !== 'string' || !UUID.test(channel)) {
    return bad(
      'InvalidRequest',
      'channelRegistrationId must be the uuid of a channel registration.',
      'channelRegistrationId',
    );
  }
  if (env.channels.length > 0 && !env.channels.some((known) => known.toLowerCase() === channel.toLowerCase())) {
    return {
      problem: {
        status: 404,
        code: 'ChannelNotFound',
        message: `The channel registration ${channel} is not connected to this resource (its channels: ${env.channels.join(', ')}; start the emulator with --whatsapp-channel to add one).`,
        target: 'channelRegistrationId',
      },
    };
  }
  const to = body.to;
  if (!Array.isArray(to) || to.length === 0 || to.length > 100) {
    return bad('InvalidRequest', 'to must be an array of 1 to 100 recipient phone numbers.', 'to');
  }
  for (const [index, recipient] of to.entries()) {
    if (typeof recipient !== 'string' || !WHATSAPP_NUMBER.test(recipient)) {
      return bad(
        'InvalidRecipient',
        `to[${index}] '${String(recipient)}' is not a WhatsApp phone number (country code and number, 7 to 15 digits, e.g. 14255550123).`,
        `to[${index}]`,
      );
    }
  }
  const kind = body.kind;
  if (typeof kind !== 'string' || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
    return bad('InvalidRequest', `kind must be one of ${NOTIFICATION_KINDS.join(', ')}.`, 'kind');
  }
  const base = { channelRegistrationId: channel, to: to as string[], kind: kind as NotificationKind, content: body };
  switch (kind as NotificationKind) {
    case 'text': {
      if (typeof body.content !== 'string' || body.content === '') {
        return bad('InvalidRequest', 'content must be a non-empty string for a text notification.', 'content');
      }
      if (body.content.length > 4096) {
        return bad('InvalidRequest', 'content must be at most 4096 characters (WhatsApp text limit).', 'content');
      }
      return { notification: { ...base, renderedText: body.content } };
    }
    case 'template':
      return checkTemplateNotification(body, base, env.templates ?? SAMPLE_TEMPLATES);
    default: {
      if (!isAbsoluteUrl(body.mediaUri)) {
        return bad(
          'InvalidRequest',
          `mediaUri must be an absolute http(s) URL for a ${kind} notification.`,
          'mediaUri',
        );
      }
      for (const member of ['caption', 'fileName', 'content'] as const) {
        if (body[member] !== undefined && typeof body[member] !== 'string') {
          return bad('InvalidRequest', `${member} must be a string.`, member);
        }
      }
      const caption = (body.caption ?? body.content) as string | undefined;
      return { notification: { ...base, ...(caption === undefined ? {} : { renderedText: caption }) } };
    }
  }
}

function isAbsoluteUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

interface TemplateValue {
  readonly name: string;
  readonly kind: (typeof VALUE_KINDS)[number];
  readonly [member: string]: unknown;
}

function checkTemplateNotification(
  body: Readonly<Record<string, unknown>>,
  base: Omit<CheckedNotification, 'renderedText'>,
  templates: readonly TemplateDefinition[],
): { notification: CheckedNotification } | { problem: MessagesProblem } {
  const template = body.template;
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    return bad('InvalidTemplate', 'template must be an object with name and language.', 'template');
  }
  const { name, language, values = [], bindings } = template as Record<string, unknown>;
  if (typeof name !== 'string' || name === '')
    return bad('InvalidTemplate', 'template.name is required.', 'template.name');
  if (typeof language !== 'string' || language === '') {
    return bad('InvalidTemplate', 'template.language is required (e.g. en_US).', 'template.language');
  }
  const definition = templates.find((candidate) => candidate.name === name && candidate.language === language);
  if (definition === undefined) {
    const known = templates.map((candidate) => `${candidate.name} (${candidate.language})`).join(', ');
    return bad(
      'InvalidTemplate',
      `The template '${name}' in language '${language}' does not exist on the channel. Its approved templates: ${known}.`,
      'template.name',
    );
  }
  if (!Array.isArray(values)) return bad('InvalidTemplate', 'template.values must be an array.', 'template.values');
  const byName = new Map<string, TemplateValue>();
  for (const [index, value] of values.entries()) {
    const path = `template.values[${index}]`;
    const problem = templateValueProblem(value, path);
    if (problem !== undefined) return bad('InvalidTemplate', problem, path);
    const checked = value as TemplateValue;
    if (byName.has(checked.name)) {
      return bad('InvalidTemplate', `${path}.name '${checked.name}' is used by two values.`, `${path}.name`);
    }
    byName.set(checked.name, checked);
  }
  const parts = { header: [] as TemplateValue[], body: [] as TemplateValue[], buttons: [] as TemplateValue[] };
  if (bindings !== undefined) {
    if (typeof bindings !== 'object' || bindings === null || (bindings as { kind?: unknown }).kind !== 'whatsApp') {
      return bad('InvalidTemplate', "template.bindings must be an object with kind 'whatsApp'.", 'template.bindings');
    }
    for (const part of ['header', 'body', 'footer', 'buttons'] as const) {
      const list = (bindings as Record<string, unknown>)[part];
      if (list === undefined) continue;
      if (!Array.isArray(list)) return bad('InvalidTemplate', `template.bindings.${part} must be an array.`);
      for (const [index, binding] of list.entries()) {
        const path = `template.bindings.${part}[${index}]`;
        const refValue = (binding as { refValue?: unknown } | null)?.refValue;
        const value = typeof refValue === 'string' ? byName.get(refValue) : undefined;
        if (value === undefined) {
          return bad(
            'InvalidTemplate',
            `${path}.refValue '${String(refValue)}' names no value in template.values (names: ${[...byName.keys()].join(', ') || 'none'}).`,
            `${path}.refValue`,
          );
        }
        if (part === 'buttons') {
          const subType = (binding as { subType?: unknown }).subType;
          if (subType !== 'quickReply' && subType !== 'url') {
            return bad('InvalidTemplate', `${path}.subType must be quickReply or url.`, `${path}.subType`);
          }
          if (value.kind !== 'quickAction') {
            return bad(
              'InvalidTemplate',
              `${path} must reference a quickAction value, not ${value.kind}.`,
              `${path}.refValue`,
            );
          }
          parts.buttons.push(value);
        } else if (part === 'footer') {
          return bad('InvalidTemplate', `The template '${name}' has no footer parameter.`, path);
        } else {
          parts[part].push(value);
        }
      }
    }
  }
  const fit = templateFitProblem(definition, parts);
  if (fit !== undefined) return bad('InvalidTemplate', fit, 'template.bindings');
  let rendered = definition.body;
  parts.body.forEach((value, index) => {
    rendered = rendered.replaceAll(`{{${index + 1}}}`, String(value.text));
  });
  return { notification: { ...base, renderedText: rendered } };
}

function templateValueProblem(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return `${path} must be an object with name and kind.`;
  const { name, kind } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') return `${path}.name is required.`;
  if (typeof kind !== 'string' || !(VALUE_KINDS as readonly string[]).includes(kind)) {
    return `${path}.kind must be one of ${VALUE_KINDS.join(', ')}.`;
  }
  const member = value as Record<string, unknown>;
  switch (kind) {
    case 'text':
      return typeof member.text === 'string' ? undefined : `${path}.text is required for a text value.`;
    case 'image':
    case 'document':
    case 'video':
      return isAbsoluteUrl(member.url) ? undefined : `${path}.url must be an absolute http(s) URL for a ${kind} value.`;
    case 'location':
      return typeof member.latitude === 'number' && typeof member.longitude === 'number'
        ? undefined
        : `${path}.latitude and .longitude must be numbers for a location value.`;
    default:
      return undefined;
  }
}

function templateFitProblem(
  definition: TemplateDefinition,
  parts: { header: readonly TemplateValue[]; body: readonly TemplateValue[]; buttons: readonly TemplateValue[] },
): string | undefined {
  const name = definition.name;
  if (definition.header === undefined && parts.header.length > 0) {
    return `The template '${name}' has no header parameter, but bindings.header has ${parts.header.length}.`;
  }
  if (definition.header !== undefined) {
    const header = parts.header[0];
    if (parts.header.length !== 1 || header === undefined) {
      return `The template '${name}' needs one ${definition.header} header value in bindings.header.`;
    }
    if (header.kind !== definition.header) {
      return `The template '${name}' has a ${definition.header} header, but bindings.header references a ${header.kind} value.`;
    }
  }
  if (parts.body.length !== definition.bodyParameters) {
    return `The template '${name}' has ${definition.bodyParameters} body parameter(s), but bindings.body has ${parts.body.length}.`;
  }
  const notText = parts.body.find((value) => value.kind !== 'text');
  if (notText !== undefined) return `Body parameters must be text values; '${notText.name}' is ${notText.kind}.`;
  if (parts.buttons.length > definition.quickReplies.length) {
    return `The template '${name}' has ${definition.quickReplies.length} quick-reply button(s), but bindings.buttons has ${parts.buttons.length}.`;
  }
  return undefined;
}

/**
 * The WhatsApp templates of a channel. Every WhatsApp Business account starts with Meta's sample
 * templates; the emulator's channels have exactly these (name, language, the header media kind,
 * the number of body parameters `{{n}}` and of quick-reply buttons), so template sends can be
 * checked the way WhatsApp checks them.
 */

/** What a template expects. */
export interface TemplateDefinition {
  readonly name: string;
  readonly language: string;
  /** The media kind of the header, or `undefined` for none / a fixed text header. */
  readonly header?: 'image' | 'video' | 'document';
  readonly headerText?: string;
  readonly body: string;
  /** How many `{{n}}` the body has. */
  readonly bodyParameters: number;
  readonly footer?: string;
  /** Labels of the quick-reply buttons. */
  readonly quickReplies: readonly string[];
}

/** Meta's sample templates. */
export const SAMPLE_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'sample_template',
    language: 'en_US',
    headerText: 'Sample template',
    body: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
    bodyParameters: 0,
    footer: 'WhatsApp Business Platform sample message',
    quickReplies: [],
  },
  {
    name: 'sample_shipping_confirmation',
    language: 'en_US',
    headerText: 'Your package has been shipped',
    body: 'Your package has been shipped. It will be delivered in {{1}} business days.',
    bodyParameters: 1,
    footer: 'This message is from an unverified business.',
    quickReplies: [],
  },
  {
    name: 'sample_issue_resolution',
    language: 'en_US',
    body: 'Hi {{1}}, were we able to solve the issue that you were facing?',
    bodyParameters: 1,
    footer: 'This message is from an unverified business.',
    quickReplies: ['Yes', 'No'],
  },
  {
    name: 'sample_purchase_feedback',
    language: 'en_US',
    header: 'image',
    body: 'Thank you for purchasing {{1}}! We value your feedback and would like to learn more about your experience.',
    bodyParameters: 1,
    footer: 'This message is from an unverified business.',
    quickReplies: [],
  },
  {
    name: 'sample_happy_hour_announcement',
    language: 'en_US',
    header: 'video',
    body: 'Happy hour is here! 🍺😀🍸\nPlease be merry and enjoy the day. 🎉\nVenue: {{1}}\nTime: {{2}}',
    bodyParameters: 2,
    footer: 'This message is from an unverified business.',
    quickReplies: [],
  },
  {
    name: 'sample_flight_confirmation',
    language: 'en_US',
    header: 'document',
    body: 'This is your flight confirmation for {{1}}-{{2}} on {{3}}.',
    bodyParameters: 3,
    footer: 'This message is from an unverified business.',
    quickReplies: [],
  },
  {
    name: 'sample_movie_ticket_confirmation',
    language: 'en_US',
    header: 'image',
    body: 'Your ticket for *{{1}}*\n*Time* - {{2}}\n*Venue* - {{3}}\n*Seats* - {{4}}',
    bodyParameters: 4,
    footer: 'This message is from an unverified business.',
    quickReplies: [],
  },
];

/**
 * The template as `GET /messages/channels/{id}/templates` lists it (WhatsAppMessageTemplateItem;
 * `content` is the WhatsApp components array).
 *
 * @example
 * ```ts
 * templateItem(SAMPLE_TEMPLATES[0]!).status; // 'approved'
 * ```
 */
export function templateItem(template: TemplateDefinition): {
  name: string;
  language: string;
  status: 'approved';
  kind: 'whatsApp';
  content: unknown[];
} {
  const components: unknown[] = [];
  if (template.header !== undefined) components.push({ type: 'HEADER', format: template.header.toUpperCase() });
  else if (template.headerText !== undefined) {
    components.push({ type: 'HEADER', format: 'TEXT', text: template.headerText });
  }
  components.push({ type: 'BODY', text: template.body });
  if (template.footer !== undefined) components.push({ type: 'FOOTER', text: template.footer });
  if (template.quickReplies.length > 0) {
    components.push({ type: 'BUTTONS', buttons: template.quickReplies.map((text) => ({ type: 'QUICK_REPLY', text })) });
  }
  return {
    name: template.name,
    language: template.language,
    status: 'approved',
    kind: 'whatsApp',
    content: components,
  };
}

/**
 * The JSON shapes of the dashboard's API (`/emulator/api/…`), shared by the server (which builds
 * them from the store and the request log) and the page (which renders them). Pure types: no
 * Node, no DOM. Times are ISO 8601 strings; a field the source service does not record is `null`.
 * Nothing here ever holds a secret: no access key, no whole token, no valid signature.
 */

/**
 * One part of the emulator's state as the dashboard sees it. `present` is false when the service
 * that owns it is not part of this emulator (yet): the page then says so instead of showing an
 * empty list as if nothing had happened.
 *
 * @example
 * ```ts
 * const rooms: Section<RoomView> = { present: false, service: 'rooms', value: [] };
 * ```
 */
export interface Section<T> {
  readonly present: boolean;
  readonly service: string;
  readonly value: readonly T[];
}

/**
 * `GET /emulator/api/overview`.
 *
 * @example
 * ```ts
 * const overview = (await (await fetch('/emulator/api/overview')).json()) as OverviewView;
 * overview.services; // ['identity', 'chat', 'dashboard', …]
 * ```
 */
export interface OverviewView {
  readonly endpoint: string;
  readonly resourceId: string;
  /** The services registered on this emulator. */
  readonly services: readonly string[];
  /** Each developer action, with whether its route exists on this emulator. */
  readonly actions: readonly ActionView[];
  readonly requestLog: { readonly size: number; readonly capacity: number };
}

/** The developer actions the page offers. */
export type ActionName = 'smsInbound' | 'incomingCall' | 'recognize' | 'replayDelivery' | 'revokeTokens';

/**
 * One developer action: the emulator route the page calls, or why it is disabled.
 *
 * @example
 * ```ts
 * const action: ActionView = { name: 'smsInbound', method: 'POST', path: '/emulator/sms/inbound', available: true, note: null };
 * ```
 */
export interface ActionView {
  readonly name: ActionName;
  readonly method: string;
  /** The route template, `{param}` segments included. */
  readonly path: string;
  readonly available: boolean;
  /** Why it is disabled (or a hint), for the page to show. */
  readonly note: string | null;
}

/**
 * What the emulator computed for an HMAC request it refused, beside what it received — enough to
 * diagnose a signature mismatch, never the key and never a valid signature.
 *
 * @example
 * ```ts
 * const hmac: HmacDiagnosisView = { stringToSign: 'POST\n/identities?api-version=2023-10-01\n…', computedContentHash: '47DEQp…', received: { 'x-ms-content-sha256': '47DEQp…' } };
 * ```
 */
export interface HmacDiagnosisView {
  /** Null when the request was refused before a string to sign could be built (no or bad headers). */
  readonly stringToSign: string | null;
  readonly computedContentHash: string | null;
  /** Header values as received (the signature itself is never kept). */
  readonly received: Readonly<Record<string, string | null>>;
}

/**
 * One request-log entry (`GET /emulator/api/requests`, and `request` events on the stream).
 *
 * @example
 * ```ts
 * const entry: RequestLogEntryView = { id: 1, timestamp: '2026-01-01T00:00:00.000Z', method: 'GET', target: '/chat/threads?api-version=2024-03-07', route: '/chat/threads', service: 'chat', status: 200, durationInMs: 1.2, caller: { kind: 'acsToken', identityId: '8:acs:…' }, outcome: 'ok', reason: null, hmac: null };
 * ```
 */
export interface RequestLogEntryView {
  readonly id: number;
  readonly timestamp: string;
  readonly method: string;
  readonly target: string;
  /** The route template matched, or null (no route: 404/405). */
  readonly route: string | null;
  readonly service: string | null;
  readonly status: number;
  readonly durationInMs: number;
  readonly caller: { readonly kind: string; readonly identityId?: string };
  readonly outcome: string;
  /** Why it was refused or failed (the error message sent). */
  readonly reason: string | null;
  readonly hmac: HmacDiagnosisView | null;
}

/**
 * `GET /emulator/api/requests`: the log, oldest first.
 *
 * @example
 * ```ts
 * const log: RequestLogView = { capacity: 10000, value: [] };
 * ```
 */
export interface RequestLogView {
  readonly capacity: number;
  readonly value: readonly RequestLogEntryView[];
}

/**
 * A token as issued or seen: its decoded claims, never the token.
 *
 * @example
 * ```ts
 * const token: TokenView = { issuedAt: '…', expiresAt: '…', scopes: ['chat'], revision: null, via: 'identity', requestId: 4, revoked: false };
 * ```
 */
export interface TokenView {
  readonly issuedAt: string | null;
  readonly expiresAt: string | null;
  readonly scopes: readonly string[];
  readonly revision: number | null;
  /** How it was issued: `identity` (create, issueAccessToken) or the exchange (`entra`, `teamsUser`, …). */
  readonly via: string;
  /** The request that issued it (request-log id). */
  readonly requestId: number | null;
  /** A later revocation (or deletion) makes it unusable. */
  readonly revoked: boolean;
}

/**
 * One identity with its token history (`GET /emulator/api/identities`).
 *
 * @example
 * ```ts
 * const identity: IdentityView = { id: '8:acs:r_1', createdAt: '…', deleted: false, tokens: [], history: [] };
 * ```
 */
export interface IdentityView {
  readonly id: string;
  readonly createdAt: string | null;
  readonly deleted: boolean;
  readonly tokens: readonly TokenView[];
  /** Issue, revoke and delete requests for this identity, from the request log, oldest first. */
  readonly history: readonly IdentityEventView[];
}

/**
 * An identity lifecycle step.
 *
 * @example
 * ```ts
 * const step: IdentityEventView = { kind: 'revoke', at: '…', status: 204, requestId: 12 };
 * ```
 */
export interface IdentityEventView {
  readonly kind: 'create' | 'issue' | 'revoke' | 'delete' | 'exchange';
  readonly at: string;
  readonly status: number;
  readonly requestId: number | null;
}

/**
 * A chat participant.
 *
 * @example
 * ```ts
 * const participant: ChatParticipantView = { id: '8:acs:r_1', displayName: 'Ada', shareHistoryTime: null };
 * ```
 */
export interface ChatParticipantView {
  readonly id: string;
  readonly displayName: string | null;
  readonly shareHistoryTime: string | null;
}

/**
 * A chat message.
 *
 * @example
 * ```ts
 * const message: ChatMessageView = { id: '1', type: 'text', senderId: '8:acs:r_1', senderDisplayName: 'Ada', content: 'hi', createdAt: '…', editedAt: null, deletedAt: null, sequenceId: '1' };
 * ```
 */
export interface ChatMessageView {
  readonly id: string;
  readonly type: string;
  readonly senderId: string | null;
  readonly senderDisplayName: string | null;
  /** The message text (or a topic/participant summary for system messages). */
  readonly content: string;
  readonly createdAt: string | null;
  readonly editedAt: string | null;
  readonly deletedAt: string | null;
  readonly sequenceId: string | null;
}

/**
 * A chat thread with its participants and messages (`GET /emulator/api/chat`).
 *
 * @example
 * ```ts
 * const thread: ChatThreadView = { id: '19:…@thread.v2', topic: 'Hello', createdBy: '8:acs:…', createdAt: '…', deletedAt: null, participants: [], messages: [] };
 * ```
 */
export interface ChatThreadView {
  readonly id: string;
  readonly topic: string;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
  readonly deletedAt: string | null;
  readonly participants: readonly ChatParticipantView[];
  readonly messages: readonly ChatMessageView[];
}

/**
 * An SMS the app sent, or one injected as inbound.
 *
 * @example
 * ```ts
 * const sms: SmsView = { id: 'Outgoing_…', direction: 'outbound', from: '+18005550100', to: '+14255550123', message: 'hi', status: 'Delivered', at: '…' };
 * ```
 */
export interface SmsView {
  readonly id: string;
  readonly direction: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly message: string;
  readonly status: string | null;
  readonly at: string | null;
}

/**
 * An email attachment (downloadable from `/emulator/api/outbox/email/{id}/attachments/{index}`).
 *
 * @example
 * ```ts
 * const attachment: EmailAttachmentView = { index: 0, name: 'a.txt', contentType: 'text/plain', sizeInBytes: 5 };
 * ```
 */
export interface EmailAttachmentView {
  readonly index: number;
  readonly name: string;
  readonly contentType: string;
  readonly sizeInBytes: number;
}

/**
 * An email the app sent. Its html is not inlined: the page frames
 * `/emulator/api/outbox/email/{id}/html` (a sandboxed, CSP'd document).
 *
 * @example
 * ```ts
 * const email: EmailView = { id: 'op-1', sender: 'donotreply@contoso.com', to: ['a@b.c'], cc: [], bcc: [], subject: 'Hi', plainText: 'Hi', hasHtml: true, attachments: [], status: 'Succeeded', at: '…' };
 * ```
 */
export interface EmailView {
  readonly id: string;
  readonly sender: string | null;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly plainText: string | null;
  readonly hasHtml: boolean;
  readonly attachments: readonly EmailAttachmentView[];
  readonly status: string | null;
  readonly at: string | null;
}

/**
 * An advanced message (WhatsApp text, template, media…).
 *
 * @example
 * ```ts
 * const message: AdvancedMessageView = { id: 'm1', channelId: 'c1', to: ['+1…'], kind: 'text', summary: 'hi', status: 'sent', at: '…' };
 * ```
 */
export interface AdvancedMessageView {
  readonly id: string;
  readonly channelId: string | null;
  readonly to: readonly string[];
  readonly kind: string;
  readonly summary: string;
  readonly status: string | null;
  readonly at: string | null;
}

/**
 * `GET /emulator/api/outbox`.
 *
 * @example
 * ```ts
 * const outbox: OutboxView = { sms: { present: true, service: 'sms', value: [] }, email: …, messages: … };
 * ```
 */
export interface OutboxView {
  readonly sms: Section<SmsView>;
  readonly email: Section<EmailView>;
  readonly messages: Section<AdvancedMessageView>;
}

/**
 * A room and its participants (`GET /emulator/api/rooms`).
 *
 * @example
 * ```ts
 * const room: RoomView = { id: '99…', createdAt: '…', validFrom: '…', validUntil: '…', pstnDialOutEnabled: false, participants: [{ id: '8:acs:…', role: 'Presenter' }] };
 * ```
 */
export interface RoomView {
  readonly id: string;
  readonly createdAt: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly pstnDialOutEnabled: boolean | null;
  readonly participants: readonly { readonly id: string; readonly role: string | null }[];
}

/**
 * One step of a call's timeline (an event sent to its callback, or a state change).
 *
 * @example
 * ```ts
 * const step: CallEventView = { type: 'Microsoft.Communication.CallConnected', at: '…', detail: null };
 * ```
 */
export interface CallEventView {
  readonly type: string;
  readonly at: string | null;
  readonly detail: string | null;
}

/**
 * A call (`GET /emulator/api/calls`).
 *
 * @example
 * ```ts
 * const call: CallView = { id: 'c1', state: 'connected', direction: 'outbound', source: '+1…', targets: ['8:acs:…'], callbackUri: 'http://127.0.0.1:9/cb', createdAt: '…', events: [] };
 * ```
 */
export interface CallView {
  readonly id: string;
  readonly state: string | null;
  readonly direction: string | null;
  readonly source: string | null;
  readonly targets: readonly string[];
  readonly callbackUri: string | null;
  readonly createdAt: string | null;
  readonly events: readonly CallEventView[];
}

/**
 * An outbound delivery (an event to a subscription, a callback to a call's callbackUri).
 *
 * @example
 * ```ts
 * const delivery: DeliveryView = { id: 'd1', label: 'Microsoft.Communication.SMSReceived', url: 'http://127.0.0.1:9/', status: 'failed', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500', createdAt: '…', updatedAt: '…' };
 * ```
 */
export interface DeliveryView {
  readonly id: string;
  readonly label: string;
  readonly url: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/**
 * What the stream (`GET /emulator/api/stream`, Server-Sent Events) carries: `request` events (a
 * {@link RequestLogEntryView}, id = the entry id, backlog first) and `change` events naming the
 * views whose data changed.
 *
 * @example
 * ```ts
 * const change: ChangeEventView = { views: ['chat', 'outbox'] };
 * ```
 */
export interface ChangeEventView {
  readonly views: readonly ViewName[];
}

/** The page's data views (each has a `GET /emulator/api/<name>` route). */
export type ViewName = 'identities' | 'chat' | 'outbox' | 'rooms' | 'calls' | 'deliveries';

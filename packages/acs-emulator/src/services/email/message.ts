/**
 * The EmailMessage of `POST /emails:send` (CommunicationServicesEmail.json, 2025-09-01) as the
 * emulator keeps it, after schema validation.
 */

/** An address and its display name (EmailAddress). */
export interface EmailAddressInput {
  readonly address: string;
  readonly displayName?: string | undefined;
}

/** An attachment (EmailAttachment; `contentId` makes it inline, 2024-07-01-preview and later). */
export interface EmailAttachmentInput {
  readonly name: string;
  readonly contentType: string;
  readonly contentInBase64: string;
  readonly contentId?: string | undefined;
}

/** The request body. */
export interface EmailMessageInput {
  readonly senderAddress: string;
  readonly content: {
    readonly subject: string;
    readonly plainText?: string | undefined;
    readonly html?: string | undefined;
  };
  readonly recipients: {
    readonly to: readonly EmailAddressInput[];
    readonly cc?: readonly EmailAddressInput[] | undefined;
    readonly bcc?: readonly EmailAddressInput[] | undefined;
  };
  readonly attachments?: readonly EmailAttachmentInput[] | undefined;
  readonly replyTo?: readonly EmailAddressInput[] | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly userEngagementTrackingDisabled?: boolean | undefined;
}

/** A captured mail, as the outbox keeps it. */
export interface OutboxEmail {
  /** The operation id, also the `messageId` of its delivery reports. */
  readonly id: string;
  readonly senderAddress: string;
  readonly to: readonly EmailAddressInput[];
  readonly cc: readonly EmailAddressInput[];
  readonly bcc: readonly EmailAddressInput[];
  readonly replyTo: readonly EmailAddressInput[];
  readonly subject: string;
  readonly plainText?: string;
  readonly html?: string;
  readonly attachments: readonly (EmailAttachmentInput & { readonly sizeInBytes: number })[];
  readonly headers: Readonly<Record<string, string>>;
  /** ISO 8601. */
  readonly acceptedAt: string;
}

/** What an emulator user reads about a problem. */
export interface EmailProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

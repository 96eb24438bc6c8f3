/**
 * Type-level drop-in checks against the official packages, on the BUILT declarations of
 * acs-common (what users compile against). Checked by vitest's typecheck (tsc).
 */
import { ChatClient } from '@azure/communication-chat';
import type {
  AzureCommunicationTokenCredential as OfficialClass,
  CommunicationTokenCredential as OfficialCredential,
  EntraCommunicationTokenCredentialOptions as OfficialEntraOptions,
  CommunicationGetTokenOptions as OfficialGetTokenOptions,
  CommunicationTokenRefreshOptions as OfficialRefreshOptions,
} from '@azure/communication-common';
import type { AccessToken as OfficialAccessToken, TokenCredential as OfficialTokenCredential } from '@azure/core-auth';
import { AzureCommunicationTokenCredential, type CommunicationTokenCredential } from 'acs-common';
import { AzureCommunicationTokenCredential as CredentialOnly } from 'acs-common/credential';
import { AzureCommunicationTokenCredential as EntraClass } from 'acs-common/entra';
import { describe, expectTypeOf, it } from 'vitest';

declare const officialRefreshOptions: OfficialRefreshOptions;
declare const officialEntraOptions: OfficialEntraOptions;
declare const officialCredential: OfficialClass;
declare const officialGetTokenOptions: OfficialGetTokenOptions;
declare const entraCredential: OfficialTokenCredential;

describe('drop-in types', () => {
  it('our credential is assignable to the official CommunicationTokenCredential type', () => {
    const ours = new AzureCommunicationTokenCredential('token');
    const asOfficial: OfficialCredential = ours;
    void asOfficial;
  });

  it('the official credential is assignable to our interface (mixing both works)', () => {
    const asOurs: CommunicationTokenCredential = officialCredential;
    void asOurs;
  });

  it('our constructor takes the official option types', () => {
    new AzureCommunicationTokenCredential(officialRefreshOptions);
    new AzureCommunicationTokenCredential(officialEntraOptions);
    new AzureCommunicationTokenCredential({ resourceEndpoint: 'https://x', tokenCredential: entraCredential });
  });

  it("acs-common/credential's class does not declare the Entra form, which it cannot run (issue 8, one class)", () => {
    new CredentialOnly('token');
    new CredentialOnly(officialRefreshOptions);
    // @ts-expect-error the Entra form needs the class of acs-common or acs-common/entra
    new CredentialOnly(officialEntraOptions);
    new EntraClass(officialEntraOptions);
    expectTypeOf(new EntraClass('token')).toMatchTypeOf<CredentialOnly>();
  });

  it('getToken accepts the official options and returns an official AccessToken', async () => {
    const ours = new AzureCommunicationTokenCredential('token');
    const token = await ours.getToken(officialGetTokenOptions);
    expectTypeOf(token).toMatchTypeOf<OfficialAccessToken>();
  });

  it('ChatClient takes our credential', () => {
    new ChatClient('https://example.communication.azure.com', new AzureCommunicationTokenCredential('token'));
  });
});

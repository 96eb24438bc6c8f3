// A CommonJS consumer (`require`): resolves the `require` condition, so the .d.cts declarations.
import acs = require('acs-common');
import credential = require('acs-common/credential');
import entra = require('acs-common/entra');
import identifiers = require('acs-common/identifiers');
import signing = require('acs-common/signing');
import testing = require('acs-common/testing');

const kind: identifiers.CommunicationIdentifierKind = acs.createIdentifierFromRawId('8:orgid:abc');
const rawId: string | undefined = identifiers.getIdentifierRawId(kind);
const staticCredential: credential.CommunicationTokenCredential = new credential.AzureCommunicationTokenCredential(
  testing.createTestToken(),
);
const full: entra.AzureCommunicationTokenCredential = new acs.AzureCommunicationTokenCredential({
  resourceEndpoint: 'https://contoso.communication.azure.com',
  tokenCredential: new testing.FakeTokenCredential(),
});
const policy: signing.PipelinePolicy = signing.createCommunicationAccessKeyCredentialPolicy(
  new signing.AzureKeyCredential('pw=='),
);

export = { rawId, staticCredential, full, policy };

import { describe, expect, it } from 'vitest';
import { checkTeamsUserExchange, type TeamsUserTokenClaims } from '../../../src/services/identity/teams-user.js';

// The checks of getTokenForTeamsUser, against the answers the real service gave in the official
// .NET SDK's recorded live tests (GetTokenForTeamsUserWith{Invalid,Wrong}{AppId,UserId}, …Token).

const APP = '2c3e1e83-8fd7-4615-ad2b-b8c1229845ac';
const USER = '32c0a5db-05ec-78ea-51ab-3f06b329397e';
const claims: TeamsUserTokenClaims = {
  objectId: USER,
  appId: APP,
  family: 'teamsExtension',
  expiresOnTimestamp: 1_900_000_000_000,
};
const body = { token: 'minted', appId: APP, userId: USER };

describe('getTokenForTeamsUser checks', () => {
  it('grants the Teams user identity until the Entra token expires', () => {
    expect(checkTeamsUserExchange(body, { claims })).toEqual({
      grant: { identityId: `8:orgid:${USER}`, expiresOnTimestamp: 1_900_000_000_000 },
    });
    expect(checkTeamsUserExchange({ ...body, appId: APP.toUpperCase() }, { claims })).toHaveProperty('grant');
  });

  it('refuses malformed ids with ValidationError 400 naming the field', () => {
    expect(checkTeamsUserExchange({ ...body, appId: 'not-a-guid' }, { claims })).toEqual({
      problem: { status: 400, code: 'ValidationError', message: 'Provided AppId has invalid format.', target: 'appId' },
    });
    expect(checkTeamsUserExchange({ ...body, userId: '' }, { claims })).toEqual({
      problem: {
        status: 400,
        code: 'ValidationError',
        message: 'Provided UserId has invalid format.',
        target: 'userId',
      },
    });
  });

  it('refuses a token that did not verify, or of another audience, with InvalidAccessToken 401', () => {
    const expired = checkTeamsUserExchange(body, { reason: 'The Entra token has expired.' });
    expect(expired).toMatchObject({ problem: { status: 401, code: 'InvalidAccessToken' } });
    expect('problem' in expired && expired.problem.message).toMatch(/^Provided access token is not valid\. .*expired/);
    expect(checkTeamsUserExchange(body, { claims: { ...claims, family: 'entra' } })).toMatchObject({
      problem: { status: 401, code: 'InvalidAccessToken' },
    });
  });

  it('refuses a token of another application or another user', () => {
    expect(checkTeamsUserExchange({ ...body, appId: '11111111-1111-1111-1111-111111111111' }, { claims })).toEqual({
      problem: {
        status: 400,
        code: 'ValidationError',
        message: 'AAD application is not the expected one.',
        target: 'appId',
      },
    });
    expect(checkTeamsUserExchange(body, { claims: { ...claims, appId: undefined } })).toMatchObject({
      problem: { target: 'appId' },
    });
    expect(checkTeamsUserExchange({ ...body, userId: '11111111-1111-1111-1111-111111111111' }, { claims })).toEqual({
      problem: {
        status: 400,
        code: 'ValidationError',
        message: 'Provided AAD token issued for unexpected user.',
        target: 'userId',
      },
    });
  });
});

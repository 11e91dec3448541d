import { describe, expect, it } from 'vitest';
import { buildOAuthProviders, listOAuthProviders } from '@/lib/auth/providers';
import { parseEnv } from '@/lib/env';

describe('OAuth providers', () => {
  it('offers GitHub only when both its client id and secret are set', () => {
    expect(listOAuthProviders(parseEnv({}))).toEqual([]);
    expect(listOAuthProviders(parseEnv({ AUTH_GITHUB_ID: 'id' }))).toEqual([]);
    expect(
      listOAuthProviders(parseEnv({ AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 'secret' })),
    ).toEqual([{ id: 'github', name: 'GitHub' }]);
    const [github] = buildOAuthProviders(
      parseEnv({ AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 'secret' }),
    );
    expect(github).toMatchObject({ id: 'github', type: 'oauth' });
  });
});

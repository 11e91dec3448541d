// Which OAuth providers this deployment offers: GitHub when AUTH_GITHUB_ID and AUTH_GITHUB_SECRET
// are set, none otherwise. The sign-in page shows a button for each.
import GitHub from 'next-auth/providers/github';
import { parseEnv, type Env } from '@/lib/env';

export interface OAuthProviderInfo {
  id: 'github';
  name: string;
}

export function listOAuthProviders(env: Env = parseEnv()): OAuthProviderInfo[] {
  return env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? [{ id: 'github', name: 'GitHub' }] : [];
}

export function buildOAuthProviders(env: Env = parseEnv()) {
  return listOAuthProviders(env).map(() =>
    GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }),
  );
}

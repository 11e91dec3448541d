import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // Next.js resolves `server-only` to an empty module on the server; tests are server code too.
  'server-only': path.join(root, 'tests/support/server-only.ts'),
  // next-auth imports 'next/server' without an extension, which Node's ESM loader rejects.
  'next/server': 'next/server.js',
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/database.ts'],
          // Let Vite resolve next-auth's imports (see the 'next/server' alias).
          server: { deps: { inline: ['next-auth'] } },
          // One database server is shared by every file: run files one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

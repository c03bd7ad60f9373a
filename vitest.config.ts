import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const kernelSrc = fileURLToPath(new URL('./packages/kernel/src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the kernel's TypeScript sources, so no build is needed between edits.
    alias: [
      { find: /^@svc\/kernel$/, replacement: `${kernelSrc}index.ts` },
      { find: /^@svc\/kernel\/(.+)$/, replacement: `${kernelSrc}$1/index.ts` },
    ],
  },
  test: {
    pool: 'forks',
    include: ['packages/*/{src,test}/**/*.test.ts', 'services/*/{src,test}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
  },
});

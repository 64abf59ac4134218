import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);

// src/action/post.ts
async function runPost() {
  await Promise.resolve();
}

// src/post.ts
await runPost();

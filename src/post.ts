import { runPost } from './action/post.js';

await runPost();
// The cache client can leave sockets open; the post step must not linger on them.
process.exit(process.exitCode ?? 0);

import { runCli } from './cli/run.js';

// A reader that stops early (`verify … | head`) closes the pipe. Stop as a command-line tool
// does, without a stack trace, and with 2: the output was not all delivered, so it is no pass.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(2);
  });

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});

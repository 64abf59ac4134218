import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);

// src/cli/report.ts
function cliReport(io, command) {
  const say = (line) => {
    io.err(`cgo-abi-guard ${command}: ${line}
`);
  };
  return {
    info: say,
    notice: (line) => {
      say(`note: ${line}`);
    },
    warning: (line) => {
      say(`warning: ${line}`);
    }
  };
}

export {
  cliReport
};

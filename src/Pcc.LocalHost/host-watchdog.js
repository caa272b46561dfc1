// Ties a process's life to the local host's, so nothing outlives the host even when it is killed (SIGKILL) and
// cannot clean up. The host's process id is checked every second; when it is gone the watched process ends too.
//   node host-watchdog.js HOST_PID SCRIPT [ARGS...]         runs a Node script (an emulator) in this same process
//   node host-watchdog.js HOST_PID --exec COMMAND [ARGS...] runs COMMAND (the worker) as a child; SIGINT/SIGTERM are passed on
const path = require('node:path');
const { spawn } = require('node:child_process');

const [hostPid, first, ...rest] = process.argv.slice(2);

function hostIsGone() {
  try {
    process.kill(Number(hostPid), 0);
    return false;
  } catch {
    return true;
  }
}

if (first === '--exec') {
  const [command, ...args] = rest;
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(`watchdog: ${command} could not start: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  setInterval(() => {
    if (hostIsGone()) {
      child.kill('SIGKILL');
      process.exit(0);
    }
  }, 1000).unref();
} else {
  setInterval(() => {
    if (hostIsGone()) {
      process.exit(0);
    }
  }, 1000).unref();
  process.argv = [process.argv[0], path.resolve(first), ...rest];
  require(path.resolve(first));
}

// Runs an emulator for a test process and stops it when that process is gone, even if the test host was killed
// before it could clean up: node watchdog.js PARENT_PID SCRIPT [ARGS...]
const { spawn } = require('node:child_process');

const [parentPid, script, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });

const stop = () => {
  child.kill();
  process.exit(0);
};

setInterval(() => {
  try {
    process.kill(Number(parentPid), 0);
  } catch {
    stop();
  }
}, 1000).unref();

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));

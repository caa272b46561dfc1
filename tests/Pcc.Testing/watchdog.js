// Runs an emulator's Node entry point in this same process and ends the process when the test process that started
// it is gone, even if that test host was killed before it could clean up: node watchdog.js PARENT_PID SCRIPT [ARGS...]
// Running the emulator in-process (rather than as a child) means killing this process, by any signal, stops it too.
const path = require('node:path');

const [parentPid, script, ...args] = process.argv.slice(2);

setInterval(() => {
  try {
    process.kill(Number(parentPid), 0);
  } catch {
    process.exit(0);
  }
}, 1000).unref();

process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));

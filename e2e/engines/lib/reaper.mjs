// Whatever this process started (servers, drivers and their browsers) is
// stopped when it exits, however it exits: normally, on an uncaught error, or
// when the test runner stops it with a signal.
const reapers = new Set();

const reapAll = () => {
  for (const reap of reapers) {
    try {
      reap();
    } catch {
      // Already gone.
    }
  }
  reapers.clear();
};

process.once('exit', reapAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    reapAll();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

/** Registers a synchronous `reap` (a kill); returns a function that unregisters it. */
export function onExit(reap) {
  reapers.add(reap);
  return () => reapers.delete(reap);
}

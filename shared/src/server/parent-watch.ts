/**
 * Calls `gone` once, when the process that started this one is gone: its IPC channel closes (the
 * usual way), or, should that be missed, this process is handed to another parent. A process started
 * without an IPC channel (by hand, by Docker) watches nothing.
 */
export function onParentGone(gone: () => void): void {
  if (!process.send) return;
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearInterval(timer);
    gone();
  };
  process.on('disconnect', once);
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) once();
  }, 1000);
  timer.unref();
}

// Next's instrumentation hook: runs once when a server process starts. Starts the alert scheduler
// (periodic evaluation and notification delivery) in the Node.js runtime only; never in edge or at build.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAlertScheduler } = await import("./lib/evaluate/alerts/scheduler");
  startAlertScheduler();
}

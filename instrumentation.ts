/** Runs once as the server starts: the import worker loads and warms its importers before the first upload. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { importPool } = await import("./lib/server/import-pool");
  void importPool().warm();
}

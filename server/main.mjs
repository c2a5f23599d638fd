// Starts the app server (server/app-server.ts). Only Clashmap's own TypeScript goes through tsx
// (a scoped import), so Next loads as plain Node modules and starts as fast as `next start`.
import { tsImport } from "tsx/esm/api";

const { startAppServer } = await tsImport("./app-server.ts", import.meta.url);
await startAppServer();

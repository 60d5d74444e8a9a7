export { ConfigError, loadConfig, type ServerConfig } from "./config.ts";
export { type Database, openDatabase } from "./persistence/database.ts";
export { migrate } from "./persistence/migrator.ts";
export { type StartOptions, type SyncServer, startSyncServer } from "./server.ts";

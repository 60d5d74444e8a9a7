export { type ServerConfig, ConfigError, loadConfig } from "./config.ts";
export { type SyncServer, type StartOptions, startSyncServer } from "./server.ts";
export { type Database, openDatabase } from "./persistence/database.ts";
export { migrate } from "./persistence/migrator.ts";

import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs (pino). One root logger per server; children add `module`. */
export function createLogger(level: pino.LevelWithSilent): Logger {
	return pino({ level, base: { service: "sync-server" } });
}

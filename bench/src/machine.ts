import { cpus } from "node:os";

/** The machine a result was measured on; numbers from different machines do not compare. */
export interface MachineInfo {
	cpus: number;
	cpuModel: string;
	node: string;
}

/** Describes this machine (logical CPUs, CPU model, Node version). */
export function describeMachine(): MachineInfo {
	const list = cpus();
	return {
		cpus: list.length,
		cpuModel: list[0]?.model.trim() ?? "unknown",
		node: process.version,
	};
}

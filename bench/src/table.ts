/** Renders rows of cells as a plain-text table with a header and aligned columns. */
export function renderTable(
	header: readonly string[],
	rows: ReadonlyArray<readonly string[]>,
): string {
	const widths = header.map((cell, column) =>
		Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)),
	);
	const line = (cells: readonly string[]) =>
		widths
			.map((width, column) => (cells[column] ?? "").padEnd(width))
			.join("  ")
			.trimEnd();
	return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
		"\n",
	);
}

import { useEffect, useLayoutEffect } from "react";

/**
 * `useLayoutEffect` in the browser (runs before paint, so measured or derived state never
 * flashes), `useEffect` on a server, where neither runs: server rendering stays quiet.
 */
export const useIsomorphicLayoutEffect =
	typeof window === "undefined" ? useEffect : useLayoutEffect;

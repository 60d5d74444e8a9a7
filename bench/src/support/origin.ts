/**
 * The Origin the load generators send with the demo's public key: the server accepts a public
 * key only with an Origin (a browser always sends one), and a test key from a loopback origin.
 */
export const BENCH_ORIGIN = "http://localhost:5173";

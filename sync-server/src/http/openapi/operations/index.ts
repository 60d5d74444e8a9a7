import type { OperationDoc } from "../operation.ts";
import { adminOperations } from "./admin.ts";
import { authOperations } from "./auth.ts";
import { conversationOperations } from "./conversations.ts";
import { dashboardOperations } from "./dashboard.ts";
import { directoryOperations } from "./directory.ts";
import { publicOperations } from "./public.ts";
import { supportOperations } from "./support.ts";
import { uploadOperations } from "./uploads.ts";

/**
 * Every documented operation. A route mounted without an entry here fails
 * `sync-server/test/openapi.test.ts`: add the route's OperationDoc to the file of its area.
 */
export const OPERATIONS: readonly OperationDoc[] = [
	...publicOperations,
	...authOperations,
	...adminOperations,
	...supportOperations,
	...conversationOperations,
	...directoryOperations,
	...dashboardOperations,
	...uploadOperations,
];

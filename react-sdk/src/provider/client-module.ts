// The heavy half of the widget, one chunk: the core client (Yjs, the Hocuspocus provider, valibot)
// and the window's pages (timeline, composer). Loaded with `import()` when the browser is idle
// or the widget opens, so the trigger shows first. One chunk rather than two: every visitor who
// opens the window needs both, and each extra chunk costs its own gzip overhead and a shared
// chunk for what both import (the widget-size benchmark).
export { CossistantClient, hashMetadata } from "@cossistant/core";
export { SupportRouterContent } from "../support/router.tsx";

// @cossistant/next (browser, server rendering, Pages Router): everything @cossistant/react
// exports, with the Next.js flavoured `SupportProvider` (NEXT_PUBLIC_ variables). Server
// Components resolve the `react-server` entry instead (index.react-server.ts), whose
// `IdentifySupportVisitor` signs the identity on the server.
export * from "@cossistant/react";
export { SupportProvider, type SupportProviderProps } from "./provider/support-provider.tsx";

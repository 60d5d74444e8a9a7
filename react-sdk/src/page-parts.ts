// What the default pages use that the package also exports, bound to constants of this module.
// A host that renders only <Support /> then finds them in the pages' lazy chunk with bundlers
// that assign whole modules to chunks by reachability (esbuild): `export { x } from` in
// index.ts would link the host's entry to their modules and load them before the trigger.
// Editors still show each one's documentation (TypeScript follows the alias).

import { useConversationPage as conversationPage } from "./hooks/use-conversation-page.ts";
import { useFileUpload as fileUpload } from "./hooks/use-file-upload.ts";
import { useHomePage as homePage } from "./hooks/use-home-page.ts";
import { useMessageComposer as messageComposer } from "./hooks/use-message-composer.ts";
import { Button as button } from "./support/parts/button.tsx";
import { Header as header } from "./support/parts/header.tsx";
import { groupTimeline as timelineGroups } from "./utils/timeline-groups.ts";

export const useConversationPage = conversationPage;
export const useFileUpload = fileUpload;
export const useHomePage = homePage;
export const useMessageComposer = messageComposer;
export const Button = button;
export const Header = header;
export const groupTimeline = timelineGroups;

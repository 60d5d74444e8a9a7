import type { CommandHandlers } from "../../pipeline/command-handler.ts";
import { addNote } from "./add-note.ts";
import { assignConversation, unassignConversation } from "./assignment.ts";
import { createConversation } from "./create-conversation.ts";
import { mutateFeatureFlags } from "./feature-flags.ts";
import { identifyContact } from "./identify-contact.ts";
import { markSeen } from "./mark-seen.ts";
import { completeOnboardingStep, setOnboardingMetadata } from "./onboarding.ts";
import { createOrganization, updateOrganization } from "./organizations.ts";
import { joinConversation, leaveConversation } from "./participation.ts";
import { sendMessage } from "./send-message.ts";
import { setContactMetadata } from "./set-contact-metadata.ts";
import { setPriority } from "./set-priority.ts";
import { setStatus } from "./set-status.ts";
import { startConversation } from "./start-conversation.ts";
import { addTag, removeTag } from "./tags.ts";
import { updateContact } from "./update-contact.ts";
import { blockVisitor, unblockVisitor } from "./visitor-block.ts";

/** Every command type's handler; a missing entry fails to compile. */
export const COMMAND_HANDLERS: CommandHandlers = {
	"conversation.start": startConversation,
	"message.send": sendMessage,
	"conversation.markSeen": markSeen,
	"note.add": addNote,
	"conversation.setStatus": setStatus,
	"conversation.setPriority": setPriority,
	"conversation.addTag": addTag,
	"conversation.removeTag": removeTag,
	"conversation.join": joinConversation,
	"conversation.leave": leaveConversation,
	"conversation.assign": assignConversation,
	"conversation.unassign": unassignConversation,
	"visitor.block": blockVisitor,
	"visitor.unblock": unblockVisitor,
	"contact.setMetadata": setContactMetadata,
	"contact.identify": identifyContact,
	"featureFlags.mutate": mutateFeatureFlags,
	"onboarding.setMetadata": setOnboardingMetadata,
	"onboarding.completeStep": completeOnboardingStep,
	"conversation.create": createConversation,
	"contact.update": updateContact,
	"organization.create": createOrganization,
	"organization.update": updateOrganization,
};

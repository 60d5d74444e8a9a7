-- Roles move from the account to each membership: an admin manages the agents of its own
-- websites only. Every membership keeps the role its account had.
ALTER TABLE "WebsiteMember" ADD COLUMN     "role" TEXT NOT NULL DEFAULT 'agent';

UPDATE "WebsiteMember" AS m SET "role" = u."role" FROM "User" AS u WHERE u."id" = m."userId";

ALTER TABLE "User" DROP COLUMN "role";

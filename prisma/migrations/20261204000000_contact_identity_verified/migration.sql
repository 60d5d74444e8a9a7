-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "identityVerified" BOOLEAN NOT NULL DEFAULT true;

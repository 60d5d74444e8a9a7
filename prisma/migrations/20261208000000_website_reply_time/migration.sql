-- AlterTable
ALTER TABLE "Website" ADD COLUMN     "replyTimeMinutes" INTEGER;

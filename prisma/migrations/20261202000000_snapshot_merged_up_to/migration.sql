-- AlterTable
ALTER TABLE "DocSnapshot" ADD COLUMN     "mergedUpTo" BIGINT NOT NULL DEFAULT 0;

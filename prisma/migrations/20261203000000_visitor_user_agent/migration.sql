-- AlterTable
ALTER TABLE "Visitor" ADD COLUMN     "userAgent" TEXT;

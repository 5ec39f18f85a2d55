-- AlterTable
ALTER TABLE "event" ADD COLUMN     "intent" TEXT;

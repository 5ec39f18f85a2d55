-- AlterTable
ALTER TABLE "table" ADD COLUMN     "debrief_sharing" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "table" ADD COLUMN     "debrief_reveal_channels" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "debrief_shared" BOOLEAN NOT NULL DEFAULT false;

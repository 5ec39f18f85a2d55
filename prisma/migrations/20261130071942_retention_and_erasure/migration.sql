-- DropForeignKey
ALTER TABLE "workshop" DROP CONSTRAINT "workshop_scenario_hash_fkey";

-- AlterTable
ALTER TABLE "table" ADD COLUMN     "erasures" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "workshop" ADD CONSTRAINT "workshop_scenario_hash_fkey" FOREIGN KEY ("scenario_hash") REFERENCES "scenario"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

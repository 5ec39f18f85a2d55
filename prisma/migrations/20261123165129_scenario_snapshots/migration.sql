-- AlterTable
ALTER TABLE "workshop" ADD COLUMN     "scenario_hash" TEXT;

-- CreateTable
CREATE TABLE "scenario" (
    "hash" TEXT NOT NULL,
    "scenario_id" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scenario_pkey" PRIMARY KEY ("hash")
);

-- AddForeignKey
ALTER TABLE "workshop" ADD CONSTRAINT "workshop_scenario_hash_fkey" FOREIGN KEY ("scenario_hash") REFERENCES "scenario"("hash") ON DELETE SET NULL ON UPDATE CASCADE;

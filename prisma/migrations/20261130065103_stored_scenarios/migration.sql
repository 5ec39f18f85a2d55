-- CreateTable
CREATE TABLE "stored_scenario" (
    "scenario_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "saved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_scenario_pkey" PRIMARY KEY ("scenario_id","version")
);

-- CreateIndex
CREATE INDEX "workshop_instructor_key_hash_idx" ON "workshop"("instructor_key_hash");

-- AddForeignKey
ALTER TABLE "stored_scenario" ADD CONSTRAINT "stored_scenario_hash_fkey" FOREIGN KEY ("hash") REFERENCES "scenario"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

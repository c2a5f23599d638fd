import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { revisionText } from "../lib/storage/history";
import { loadStoredMap } from "../lib/storage/maps";
import { RevisionConflictError, saveMap } from "../lib/storage/write";
import { FileWriter } from "./file-writer";
import { copyMaps, removeDir, withRebuttal } from "./live-test-kit";

const dirs: string[] = [];
const writers: FileWriter[] = [];
afterEach(async () => {
  for (const writer of writers.splice(0)) await writer.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function current(dir: string) {
  const stored = await loadStoredMap("russia-iran", dir);
  if (!stored?.ok) throw new Error("the map does not read");
  return stored;
}

describe("FileWriter (saves serialized in a worker thread)", () => {
  it("writes exactly what saveMap writes, and refuses a stale revision", async () => {
    const viaWorker = copyMaps();
    const direct = copyMaps();
    dirs.push(viaWorker, direct);
    const writer = new FileWriter(viaWorker, true, 0);
    writers.push(writer);
    const start = await current(viaWorker);
    const edited = withRebuttal(start.map, "worker-claim", "russia-key");
    const { revision } = await writer.save("russia-iran", edited, start.revision);
    await saveMap("russia-iran", edited, start.revision, { dir: direct });
    const file = (dir: string) => readFileSync(path.join(dir, "russia-iran.yaml"), "utf8");
    expect(file(viaWorker)).toBe(file(direct));
    expect(file(viaWorker)).toContain("# ── Theses");
    expect((await current(viaWorker)).revision).toBe(revision);
    // Like saveMap, the history keeps the revision replaced and the new one (HTTP saves merge on them).
    expect(await revisionText("russia-iran", start.revision, viaWorker)).toBeDefined();
    expect(await revisionText("russia-iran", revision, viaWorker)).toBeDefined();

    // Someone else wrote the file: the stale save is refused and the file is theirs.
    writeFileSync(
      path.join(viaWorker, "russia-iran.yaml"),
      file(direct).replace("worker-claim", "their-claim"),
    );
    const theirs = file(viaWorker);
    await expect(
      writer.save("russia-iran", withRebuttal(edited, "late", "russia-key"), revision),
    ).rejects.toBeInstanceOf(RevisionConflictError);
    expect(file(viaWorker)).toBe(theirs);
  }, 60_000);
});

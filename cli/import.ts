import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { serializeNewSource } from "../lib/formats/argument-file";
import { importText, MAX_IMPORT_BYTES } from "../lib/formats/import";
import { JSON_SCHEMA_PATH } from "../lib/formats/json-schema";
import { formatProblem } from "../lib/model/problems";
import { createMapFile } from "../lib/storage/create";
import { argumentsDir } from "../lib/storage/maps";
import { writeFileAtomic } from "../lib/storage/write";
import type { Io } from "./run";

const IMPORT_USAGE =
  "npm run -s cli -- import <file…> [--from argdown|aif|kialo|yaml|json] [--out PATH] [--force]";

/**
 * `import <file…>`: each file becomes a new YAML map in ARGUMENTS_DIR (or `--out`), named from
 * the map's title; a taken name gets a new slug, and nothing is overwritten without `--force`.
 * Exits 0 when every file was imported, 1 when any was not, 2 on a usage error.
 */
export async function importCommand(args: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseImportArgs>;
  try {
    parsed = parseImportArgs(args);
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n\nUsage: ${IMPORT_USAGE}\n`);
    return 2;
  }
  const { files, from, out, force } = parsed;
  const outPath = out ? path.resolve(io.cwd, out) : undefined;
  const outIsDir = outPath
    ? await stat(outPath).then(
        (s) => s.isDirectory(),
        () => false,
      )
    : false;
  if (outPath && files.length > 1 && !outIsDir) await mkdir(outPath, { recursive: true });
  const intoDir = outPath && (outIsDir || files.length > 1) ? outPath : outPath ? undefined : argumentsDir();

  let failed = 0;
  for (const file of files) {
    const absolute = path.resolve(io.cwd, file);
    let text: string;
    try {
      const info = await stat(absolute);
      if (info.size > MAX_IMPORT_BYTES) {
        io.err(
          `${file}:1:1  (document)  file is ${info.size} bytes; the import limit is ${MAX_IMPORT_BYTES}\n`,
        );
        failed++;
        continue;
      }
      text = await readFile(absolute, "utf8");
    } catch {
      io.err(`${file}: cannot read this file\n`);
      failed++;
      continue;
    }
    const result = await importText(text, file, { from });
    if (!result.ok) {
      for (const problem of result.problems) io.err(`${formatProblem(problem)}\n`);
      io.err(`${file}: not imported, nothing written\n`);
      failed++;
      continue;
    }
    const { map, report } = result.value;
    let written: string;
    if (intoDir) {
      const created = await createMapFile(map, { dir: intoDir, replace: force });
      written = path.join(intoDir, created.file);
    } else {
      const target = outPath!;
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists && !force) {
        io.err(`${out} already exists; add --force to overwrite it. Nothing written.\n`);
        failed++;
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      const schema = path.relative(path.dirname(target), path.resolve(process.cwd(), JSON_SCHEMA_PATH));
      await writeFileAtomic(target, serializeNewSource(map, "yaml", schema.split(path.sep).join("/")));
      written = target;
    }
    io.out(`imported ${file} -> ${path.relative(io.cwd, written) || written}\n`);
    for (const line of report) io.out(`  ${line}\n`);
  }
  if (files.length > 1) {
    io.err(`${files.length - failed} of ${files.length} files imported\n`);
  }
  return failed === 0 ? 0 : 1;
}

function parseImportArgs(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      out: { type: "string", short: "o" },
      force: { type: "boolean", short: "f" },
    },
  });
  if (positionals.length === 0) throw new Error("import needs at least one file");
  return { files: positionals, from: values.from, out: values.out, force: values.force ?? false };
}

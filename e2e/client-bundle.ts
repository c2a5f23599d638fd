import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/** Strings only the yaml package's parser holds (its error messages), which minifying keeps. */
export const YAML_PARSER_MARKERS = ["Implicit keys need to be on a single line", "YAMLParseError"];

/** True when JavaScript source holds the YAML parser. */
export function holdsYamlParser(source: string): boolean {
  return YAML_PARSER_MARKERS.some((marker) => source.includes(marker));
}

/** Every client chunk a build lists for an app page (`maps/[slug]`), loaded at once or on demand. */
export function clientChunksOf(page: string, distDir = ".next"): string[] {
  const manifest = path.join(
    distDir,
    "server",
    "app",
    ...page.split("/"),
    "page_client-reference-manifest.js",
  );
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(manifest, "utf8"), sandbox);
  const entry = sandbox.__RSC_MANIFEST?.[`/${page}/page`] as
    | { clientModules: Record<string, { chunks: string[] }>; entryJSFiles: Record<string, string[]> }
    | undefined;
  if (!entry) throw new Error(`no client manifest for /${page} in ${distDir}`);
  const files = new Set<string>();
  for (const mod of Object.values(entry.clientModules))
    for (const chunk of mod.chunks) files.add(chunk.replace(/^\/_next\//, ""));
  for (const list of Object.values(entry.entryJSFiles)) for (const chunk of list) files.add(chunk);
  return [...files].filter((file) => file.endsWith(".js"));
}

/** The client chunks of a page that hold the YAML parser (none, when the page is as it should be). */
export function chunksWithYamlParser(page: string, distDir = ".next"): string[] {
  return clientChunksOf(page, distDir).filter((file) =>
    holdsYamlParser(readFileSync(path.join(distDir, file), "utf8")),
  );
}

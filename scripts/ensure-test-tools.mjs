// The tests use Debian's Chromium (Playwright's own browser download is not possible here),
// poppler's pdftotext/pdftoppm (the PDF export and handout tests read the pages back) and
// redis-server (the live tests run two app servers on one Redis): install whatever is missing with
// apt, so the test command works on a fresh machine.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const missing = [];
if (!existsSync(CHROMIUM)) missing.push("chromium");
if (!existsSync("/usr/bin/pdftotext") || !existsSync("/usr/bin/pdftoppm")) missing.push("poppler-utils");
if (!existsSync("/usr/bin/redis-server") || !existsSync("/usr/bin/redis-cli")) missing.push("redis-server");

if (missing.length > 0) {
  console.log(`Installing Debian's ${missing.join(", ")} for the tests…`);
  const sudo = process.getuid?.() === 0 ? "" : "sudo ";
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`,
    { stdio: "inherit" },
  );
}

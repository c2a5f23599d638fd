import type { ProblemCode } from "@/lib/model/problems";

/** How the library and a map's error page name each kind of problem. */
export function problemKindLabel(code: ProblemCode): string {
  switch (code) {
    case "syntax":
      return "Syntax";
    case "shape":
      return "Shape";
    case "version":
      return "Version";
    case "reference":
      return "Reference";
    case "value":
      return "Value";
    case "duplicate":
      return "Duplicate";
    case "size":
      return "Too large";
    case "name":
      return "File name";
    case "unreadable":
      return "Unreadable";
    case "roundtrip":
      return "Not saved";
    default: {
      const unknown: never = code;
      return String(unknown);
    }
  }
}

/** True for the kinds after which nothing else of the file could be checked: they are fixed first. */
export function stopsReading(code: ProblemCode): boolean {
  switch (code) {
    case "syntax":
    case "size":
    case "unreadable":
      return true;
    // A missing version is read as version 1 and the rest checked; an unknown one says so itself.
    case "version":
    case "shape":
    case "reference":
    case "value":
    case "duplicate":
    case "name":
    case "roundtrip":
      return false;
    default: {
      const unknown: never = code;
      return Boolean(unknown);
    }
  }
}

/** A small label naming a problem's kind, in text (not colour alone). */
export function ProblemKind({ code }: { code: ProblemCode }) {
  return (
    <span
      data-testid="problem-kind"
      data-code={code}
      className="inline-block rounded border border-red-400 bg-white px-1.5 py-0.5 font-sans text-xs font-semibold text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
    >
      {problemKindLabel(code)}
    </span>
  );
}

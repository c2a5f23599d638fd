/** One problem in one file, at a line and column of its source, with the path inside the document. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

/** Renders a problem as `file:line:col  path  message`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.col}  ${problem.path || "(document)"}  ${problem.message}`;
}

/** Renders a path such as `["claims", "a", "supports", 0]` as `claims.a.supports[0]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** Orders problems by file, then position, so reports read top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

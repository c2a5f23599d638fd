import type { ArgumentMap } from "../model/schema";

/** A two-claim map (a thesis and one attack) for the live editing tests. */
export const UNIFORMS_MAP: ArgumentMap = {
  version: 1,
  title: "Uniforms",
  theses: ["t"],
  claims: [
    { id: "t", text: "Schools should require uniforms", side: "aff" },
    { id: "c", text: "Uniforms cost families money", side: "neg" },
  ],
  relations: [{ id: "c-attacks-t", from: "c", to: "t", type: "attack" }],
  evidence: [],
};
